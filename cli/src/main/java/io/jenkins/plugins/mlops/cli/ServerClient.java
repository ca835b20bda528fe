package io.jenkins.plugins.mlops.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client side of {@code mlops serve}: hands a served command to the running server and relays its output and
 * exit code, so the command runs in a warm JVM. Empty when there is no server or it does not take the request; the
 * caller then runs the command itself. JDK classes only: this runs before the engine is loaded.
 */
final class ServerClient {
    /** How long Ctrl-C waits for the server to cancel the command (remove its container and record it). */
    private static final long CANCEL_GRACE_SECONDS = 15;
    /** How long a server may take to accept or refuse a command before this process runs it itself. */
    private static final long ANSWER_SECONDS = 10;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    ServerClient(final Map<String, String> environment, final PrintStream out, final PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code arguments} on the server; the exit code, or empty when this process must run them itself. */
    OptionalInt run(final String... arguments) {
        Path socket = ServerProtocol.socket(environment);
        if (arguments.length == 0 || !ServerProtocol.SERVED.contains(arguments[0]) || !ownSocket(socket)) {
            return OptionalInt.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        }
        catch (IOException e) {
            // A socket file without a server behind it: the server was killed; the next `mlops serve` replaces it.
            return OptionalInt.empty();
        }
        try (channel) {
            ServerProtocol.write(channel, ServerProtocol.REQUEST, new ServerProtocol.Request(ServerProtocol.build(),
                    Path.of("").toAbsolutePath(), ServerProtocol.fingerprint(environment), List.of(arguments))
                    .encode());
            if (!accepted(channel, socket)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(relay(channel));
        }
        catch (IOException e) {
            err.println("mlops: lost the connection to the server at " + socket + " (" + e.getMessage()
                    + "); the command may not have ended: check with 'mlops report'");
            return OptionalInt.of(ExitCodes.INFRASTRUCTURE);
        }
    }

    /** Only a socket of this user: another user's process must not see even the shape of our environment. */
    private static boolean ownSocket(final Path socket) {
        try {
            return Files.exists(socket)
                    && Files.getOwner(socket).getName().equals(System.getProperty("user.name"));
        }
        catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the server takes the command. A server that refuses says why; one that does not answer in time
     * (stopped with Ctrl-Z, or closing as it went idle) is left alone: this process runs the command.
     */
    private boolean accepted(final SocketChannel channel, final Path socket) throws IOException {
        AtomicBoolean answered = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(ANSWER_SECONDS);
                if (!answered.get()) {
                    channel.close();
                }
            }
            catch (InterruptedException | IOException e) {
                // answered, or the channel is closed already
            }
        }, "mlops-server-answer");
        watchdog.setDaemon(true);
        watchdog.start();
        ServerProtocol.Frame frame;
        try {
            frame = ServerProtocol.read(channel);
        }
        catch (IOException e) {
            return false;
        }
        finally {
            answered.set(true);
            watchdog.interrupt();
        }
        if (frame.type() == ServerProtocol.REFUSED) {
            err.println("mlops: not using the server at " + socket + ": " + frame.text());
            return false;
        }
        if (frame.type() != ServerProtocol.ACCEPTED) {
            throw new IOException("the server answered with a frame of type " + frame.type());
        }
        return true;
    }

    private int relay(final SocketChannel channel) throws IOException {
        CountDownLatch ended = new CountDownLatch(1);
        Thread cancel = new Thread(() -> cancel(channel, ended), "mlops-cancel-on-server");
        Runtime.getRuntime().addShutdownHook(cancel);
        try {
            while (true) {
                ServerProtocol.Frame frame = ServerProtocol.read(channel);
                switch (frame.type()) {
                    case ServerProtocol.STDOUT -> {
                        out.write(frame.payload());
                        out.flush();
                    }
                    case ServerProtocol.STDERR -> {
                        err.write(frame.payload());
                        err.flush();
                    }
                    case ServerProtocol.EXIT -> {
                        return frame.exitCode();
                    }
                    default -> throw new IOException("an unknown frame type " + frame.type());
                }
            }
        }
        finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(cancel);
            }
            catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs and returns at once, as the command has ended
            }
        }
    }

    /** Ctrl-C: ask the server to cancel, then wait until it says the command ended. */
    private static void cancel(final SocketChannel channel, final CountDownLatch ended) {
        try {
            ServerProtocol.write(channel, ServerProtocol.CANCEL, new byte[0]);
            ended.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
        }
        catch (IOException e) {
            // the server is gone; nothing to cancel
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
