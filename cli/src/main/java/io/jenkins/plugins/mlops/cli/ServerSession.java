package io.jenkins.plugins.mlops.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's command, run by {@code mlops serve} in its warm JVM: output goes back as frames while it runs, Ctrl-C
 * on the client (or the client dying) interrupts the command as a Jenkins abort would, so a training is cancelled
 * and its container removed.
 */
final class ServerSession implements Runnable {
    private final SocketChannel channel;
    private final Shared shared;
    private final Object writing = new Object();

    /**
     * What all sessions of one server share.
     *
     * @param build       the server's build of mlops ({@link ServerProtocol#build()})
     * @param environment the server's environment, which a client's must equal
     * @param log         the server's log, a line per command
     */
    record Shared(String build, Map<String, String> environment, PrintWriter log) {
    }

    ServerSession(final SocketChannel channel, final Shared shared) {
        this.channel = channel;
        this.shared = shared;
    }

    @Override
    public void run() {
        try (channel) {
            ServerProtocol.Frame frame = ServerProtocol.read(channel);
            if (frame.type() != ServerProtocol.REQUEST) {
                return;
            }
            ServerProtocol.Request request = ServerProtocol.Request.decode(frame.payload());
            Optional<String> refusal = refusal(request);
            if (refusal.isPresent()) {
                send(ServerProtocol.REFUSED, refusal.get().getBytes(StandardCharsets.UTF_8));
                log("refused %s: %s", request.arguments(), refusal.get());
                return;
            }
            long started = System.nanoTime();
            int exitCode = execute(request);
            synchronized (writing) {
                ServerProtocol.writeExit(channel, exitCode);
            }
            log("ran %s in %s: exit %d after %d ms", request.arguments(), request.directory(), exitCode,
                    (System.nanoTime() - started) / 1_000_000);
        }
        catch (IOException e) {
            log("a client went away: %s", e);
        }
    }

    private Optional<String> refusal(final ServerProtocol.Request request) {
        if (!shared.build().equals(request.build())) {
            return Optional.of("it runs another build of mlops (" + shared.build() + "); restart 'mlops serve'");
        }
        if (request.arguments().isEmpty() || !ServerProtocol.SERVED.contains(request.arguments().get(0))) {
            return Optional.of("it runs only " + ServerProtocol.SERVED);
        }
        Set<String> differing = ServerProtocol.differingVariables(shared.environment(), request.environment());
        if (!differing.isEmpty()) {
            return Optional.of("its environment differs in " + differing + "; start 'mlops serve' in this "
                    + "environment to use it");
        }
        return request.directory().isAbsolute() ? Optional.empty()
                : Optional.of("the client's folder " + request.directory() + " is not absolute");
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

    private void send(final byte type, final byte[] payload) throws IOException {
        synchronized (writing) {
            ServerProtocol.write(channel, type, payload);
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
        public void write(final int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) throws IOException {
            send(type, Arrays.copyOfRange(bytes, offset, offset + length));
        }
    }
}
