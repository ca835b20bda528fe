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

/**
 * The client side of {@code mlops serve}: hands a served command to the running server and relays its output and
 * exit code, so the command runs in a warm JVM. Empty when there is no server or it does not take the request; the
 * caller then runs the command itself. JDK classes only: this runs before the engine is loaded.
 */
final class ServerClient {
    /** How long Ctrl-C waits for the server to cancel the command (remove its container and record it). */
    private static final long CANCEL_GRACE_SECONDS = 15;

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
        if (arguments.length == 0 || !ServerProtocol.SERVED.contains(arguments[0]) || !Files.exists(socket)) {
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
                    Path.of("").toAbsolutePath(), environment, List.of(arguments)).encode());
            return relay(channel, socket);
        }
        catch (IOException e) {
            err.println("mlops: lost the connection to the server at " + socket + " (" + e.getMessage()
                    + "); the command may not have ended: check with 'mlops report'");
            return OptionalInt.of(ExitCodes.INFRASTRUCTURE);
        }
    }

    private OptionalInt relay(final SocketChannel channel, final Path socket) throws IOException {
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
                    case ServerProtocol.REFUSED -> {
                        err.println("mlops: not using the server at " + socket + ": " + frame.text());
                        return OptionalInt.empty();
                    }
                    case ServerProtocol.EXIT -> {
                        return OptionalInt.of(frame.exitCode());
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
