package io.jenkins.plugins.mlops.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.net.ExtendedSocketOptions;

/**
 * One client's command, run by {@code mlops serve} in its warm JVM: output goes back as frames while it runs, Ctrl-C
 * on the client (or the client dying) interrupts the command as a Jenkins abort would, so a training is cancelled
 * and its container removed.
 */
final class ServerSession implements Runnable {
    private static final ServerProtocol.Frame END = new ServerProtocol.Frame((byte) 0, new byte[0]);

    private final SocketChannel channel;
    private final Shared shared;
    /**
     * Frames on their way to the client. One writer thread sends them: a blocking channel is closed when the thread
     * writing to it is interrupted, and the command thread is interrupted on purpose when the client cancels.
     */
    private final BlockingQueue<ServerProtocol.Frame> outgoing = new LinkedBlockingQueue<>();

    /**
     * What all sessions of one server share.
     *
     * @param build       the server's build of mlops ({@link ServerProtocol#build()})
     * @param user        the user the server runs as; only they may connect
     * @param environment the server's environment, which a client's must equal ({@link ServerProtocol#fingerprint})
     * @param log         the server's log, a line per command
     */
    record Shared(String build, String user, Map<String, String> environment, PrintWriter log) {
    }

    ServerSession(final SocketChannel channel, final Shared shared) {
        this.channel = channel;
        this.shared = shared;
    }

    @Override
    public void run() {
        Thread writer = new Thread(this::sendFrames, "mlops-serve-writer");
        writer.start();
        try {
            ServerProtocol.Frame frame = ServerProtocol.read(channel);
            if (frame.type() != ServerProtocol.REQUEST) {
                return;
            }
            ServerProtocol.Request request = ServerProtocol.Request.decode(frame.payload());
            Optional<String> refusal = refusal(request);
            if (refusal.isPresent()) {
                outgoing.add(new ServerProtocol.Frame(ServerProtocol.REFUSED,
                        refusal.get().getBytes(StandardCharsets.UTF_8)));
                log("refused %s: %s", request.arguments(), refusal.get());
                return;
            }
            outgoing.add(new ServerProtocol.Frame(ServerProtocol.ACCEPTED, new byte[0]));
            long started = System.nanoTime();
            int exitCode = execute(request);
            outgoing.add(ServerProtocol.Frame.exit(exitCode));
            log("ran %s in %s: exit %d after %d ms", request.arguments(), request.directory(), exitCode,
                    (System.nanoTime() - started) / 1_000_000);
        }
        catch (IOException | RuntimeException e) {
            log("a session ended early: %s", e);
        }
        finally {
            outgoing.add(END);
            awaitQuietly(writer);
            try {
                channel.close();
            }
            catch (IOException e) {
                log("could not close a client's connection: %s", e);
            }
        }
    }

    private Optional<String> refusal(final ServerProtocol.Request request) throws IOException {
        String peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
        if (!shared.user().equals(peer)) {
            return Optional.of("it serves only " + shared.user());
        }
        if (!shared.build().equals(request.build())) {
            return Optional.of("it runs another build of mlops (" + shared.build() + "); restart 'mlops serve'");
        }
        if (request.arguments().isEmpty() || !ServerProtocol.SERVED.contains(request.arguments().get(0))) {
            return Optional.of("it runs only " + ServerProtocol.SERVED);
        }
        Set<String> differing = ServerProtocol.differingVariables(ServerProtocol.fingerprint(shared.environment()),
                request.environment());
        if (!differing.isEmpty()) {
            return Optional.of("its environment differs in " + differing + "; start 'mlops serve' in this "
                    + "environment to use it");
        }
        if (!request.directory().isAbsolute()) {
            return Optional.of("the client's folder " + request.directory() + " is not absolute");
        }
        for (String name : ServerProtocol.PATH_VARIABLES) {
            String value = shared.environment().get(name);
            if (value != null && !value.isBlank() && !Path.of(value).isAbsolute()
                    && !request.directory().equals(Path.of("").toAbsolutePath())) {
                return Optional.of(name + " is a relative path, which the server would read from its own folder; "
                        + "make it absolute");
            }
        }
        return Optional.empty();
    }

    private int execute(final ServerProtocol.Request request) {
        Thread command = Thread.currentThread();
        AtomicBoolean ended = new AtomicBoolean();
        Thread watcher = new Thread(() -> cancelWhenAsked(command, ended), "mlops-serve-watch");
        watcher.setDaemon(true);
        watcher.start();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FrameStream(ServerProtocol.STDOUT),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FrameStream(ServerProtocol.STDERR),
                StandardCharsets.UTF_8), true);
        try {
            return MlopsCommand.newCommandLine(request.directory()).setOut(out).setErr(err)
                    .execute(request.arguments().toArray(String[]::new));
        }
        finally {
            out.flush();
            err.flush();
            synchronized (ended) {
                ended.set(true);
                Thread.interrupted();
            }
        }
    }

    /** A cancel frame, or the client closing its end, interrupts the command while it runs. */
    private void cancelWhenAsked(final Thread command, final AtomicBoolean ended) {
        try {
            ServerProtocol.read(channel);
        }
        catch (IOException e) {
            // the client closed its end: it was killed, or the command ended and the session closed the socket
        }
        synchronized (ended) {
            if (!ended.get()) {
                log("cancelling a command: the client pressed Ctrl-C or went away");
                command.interrupt();
            }
        }
    }

    /** The writer thread: sends the frames in order until the session ends; a client that went away is skipped. */
    private void sendFrames() {
        boolean connected = true;
        while (true) {
            ServerProtocol.Frame frame;
            try {
                frame = outgoing.take();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (frame == END) {
                return;
            }
            if (connected) {
                try {
                    ServerProtocol.write(channel, frame.type(), frame.payload());
                }
                catch (IOException e) {
                    connected = false;
                }
            }
        }
    }

    private static void awaitQuietly(final Thread writer) {
        boolean interrupted = Thread.interrupted();
        try {
            writer.join();
        }
        catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void log(final String format, final Object... args) {
        PrintWriter log = shared.log();
        synchronized (log) {
            log.println("mlops serve: " + String.format(Locale.ROOT, format, args));
            log.flush();
        }
    }

    /** Output of the command as frames of one type; a client that went away does not stop the command. */
    private final class FrameStream extends OutputStream {
        private final byte type;

        FrameStream(final byte type) {
            this.type = type;
        }

        @Override
        public void write(final int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) {
            outgoing.add(new ServerProtocol.Frame(type, Arrays.copyOfRange(bytes, offset, offset + length)));
        }
    }
}
