package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlops serve}: keeps the engine loaded in one JVM so that later {@code mlops detect|train|check|tweak|report}
 * calls in the same environment run there instead of starting a JVM and loading docker-java each time (about a
 * second per call). Listens on a Unix domain socket only its user can open; ends after an idle time.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Keep the engine warm: later detect, train, check, tweak and report calls from this environment "
                + "run in this process, without starting a JVM each (stop with Ctrl-C; ends when idle).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped after the idle time", "2:another server already listens on the socket",
                "3:the socket cannot be created"})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--socket", paramLabel = "FILE",
            description = "The socket (default: $MLOPS_SERVER_SOCKET, else ~/.mlops/server.sock).")
    private Path socket;

    @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "30",
            description = "Stop after N minutes without a command; 0 never stops (default: ${DEFAULT-VALUE}).")
    private int idleMinutes;

    @Override
    public Integer call() throws IOException {
        Map<String, String> environment = System.getenv();
        Path path = socket == null ? ServerProtocol.socket(environment) : socket.toAbsolutePath();
        PrintWriter out = spec.commandLine().getOut();
        ServerSocketChannel bound = listen(path);
        Object ours = fileKey(path);
        try (ServerSocketChannel server = bound; Selector selector = Selector.open()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteIfOurs(path, ours), "mlops-serve-cleanup"));
            out.printf("mlops serve: listening on %s for %s from this environment%s%n", path, ServerProtocol.SERVED,
                    idleMinutes == 0 ? "" : "; stops after " + idleMinutes + " idle minutes");
            out.flush();
            warmUp(out);
            serve(server, selector, new ServerSession.Shared(ServerProtocol.build(), System.getProperty("user.name"),
                    environment, out));
            out.println("mlops serve: idle for " + idleMinutes + " minutes; stopped");
            return ExitCodes.TARGET_MET;
        }
        finally {
            deleteIfOurs(path, ours);
        }
    }

    /** Accepts clients, one thread each, until no command ran for the idle time. */
    private void serve(final ServerSocketChannel server, final Selector selector, final ServerSession.Shared shared)
            throws IOException {
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        AtomicInteger running = new AtomicInteger();
        long idleMillis = Duration.ofMinutes(idleMinutes).toMillis();
        long lastActive = System.currentTimeMillis();
        while (idleMillis == 0 || running.get() > 0 || System.currentTimeMillis() - lastActive < idleMillis) {
            selector.select(idleMillis == 0 ? 0 : Math.max(1, idleMillis / 10));
            selector.selectedKeys().clear();
            SocketChannel client = server.accept();
            if (client != null) {
                client.configureBlocking(true);
                running.incrementAndGet();
                new Thread(() -> {
                    try {
                        new ServerSession(client, shared).run();
                    }
                    finally {
                        running.decrementAndGet();
                    }
                }, "mlops-serve-session").start();
            }
            if (client != null || running.get() > 0) {
                lastActive = System.currentTimeMillis();
            }
        }
    }

    /**
     * Loads what every served command needs (Jackson for run.json, docker-java and its connection) while no client
     * waits, so that even the first one is fast.
     */
    private static void warmUp(final PrintWriter out) {
        Thread warmUp = new Thread(() -> {
            try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
                Path scratch = Files.createTempDirectory("mlops-serve");
                RunStateStore store = new RunStateStore(scratch);
                store.save(RunState.start("mlops-serve-warm-up"));
                store.load();
                trainer.sweepOrphans("mlops-serve-warm-up");
                Files.delete(store.file());
                Files.delete(store.file().getParent());
                Files.delete(scratch);
            }
            catch (IOException | RuntimeException e) {
                synchronized (out) {
                    out.println("mlops serve: could not load everything ahead (" + e.getMessage() + "); commands "
                            + "that need it will say what is wrong");
                    out.flush();
                }
            }
        }, "mlops-serve-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Binds the socket, replacing the file of a server that was killed, refusing when one still listens. */
    private static ServerSocketChannel listen(final Path path) {
        try {
            Path folder = path.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                    throw MlopsException.input(path + " exists and is not a socket; give --socket a new file name.");
                }
                try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                    throw MlopsException.input("Another mlops serve already listens on " + path + "; stop it first, "
                            + "or give this one another --socket.");
                }
                catch (IOException e) {
                    Files.delete(path);
                }
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            return server;
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot listen on " + path + ": " + e.getMessage() + ". Give a "
                    + "writable --socket path of at most about 100 characters.", e);
        }
    }

    /** The identity (inode) of the socket file this server bound, so that it never deletes another server's. */
    private static Object fileKey(final Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        }
        catch (IOException e) {
            return null;
        }
    }

    private static void deleteIfOurs(final Path path, final Object ours) {
        try {
            if (ours != null && ours.equals(fileKey(path))) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            // the socket file stays; the next server or client sees that nobody listens and replaces or skips it
        }
    }
}
