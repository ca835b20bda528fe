package io.jenkins.plugins.mlops.engine.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * A real smart-HTTP git server for tests: JGit's {@link GitServlet} in Jetty 12 (ee10) on 127.0.0.1 at a random
 * port, serving every bare repository directly under a root folder as {@code /git/<name>}. Push is enabled (the
 * repositories need {@code http.receivepack=true}, which {@link GitRepositories#createBare} sets). With a user and
 * password, every request needs HTTP basic auth; {@link #protectBranch} makes the server refuse pushes to a ref the
 * way a hosting service's pre-receive hook does. It records the Authorization headers it is sent, so that a test
 * can show which credentials went where.
 */
public final class HttpGitServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final Set<String> protectedRefs = ConcurrentHashMap.newKeySet();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private HttpGitServer(final Path root, final String user, final String password) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        GitServlet git = new GitServlet();
        git.setRepositoryResolver((request, name) -> open(root, name));
        git.setReceivePackFactory((request, repository) -> {
            ReceivePack receivePack = new ReceivePack(repository);
            receivePack.setPreReceiveHook((pack, commands) -> refuseProtected(commands));
            return receivePack;
        });
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(git), "/git/*");
        context.addFilter(new FilterHolder((request, response, chain) -> {
            String authorization = ((HttpServletRequest) request).getHeader("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            chain.doFilter(request, response);
        }), "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        if (user != null) {
            context.addFilter(new FilterHolder(new BasicAuthFilter(user, password)), "/*",
                    EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        }
        server.setHandler(context);
        server.start();
    }

    /** Starts an anonymous server for the bare repositories under {@code root}. */
    public static HttpGitServer start(final Path root) throws Exception {
        return new HttpGitServer(root, null, null);
    }

    /** Starts a server for the bare repositories under {@code root} that requires basic auth with these credentials. */
    public static HttpGitServer startWithBasicAuth(final Path root, final String user, final String password)
            throws Exception {
        return new HttpGitServer(root, user, password);
    }

    /** The URL of the repository {@code name} (a folder directly under the root), without credentials. */
    public String url(final String name) {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/git/" + name;
    }

    /** Every Authorization header the server was sent, in order: what a client gave away. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The port the server listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** From now on, pushes that update {@code ref} (e.g. {@code refs/heads/main}) are refused by a pre-receive hook. */
    public void protectBranch(final String ref) {
        protectedRefs.add(ref);
    }

    private void refuseProtected(final Iterable<ReceiveCommand> commands) {
        for (ReceiveCommand command : commands) {
            if (protectedRefs.contains(command.getRefName())) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                        "protected branch: pushes to " + command.getRefName() + " are not allowed");
            }
        }
    }

    private static Repository open(final Path root, final String name) throws RepositoryNotFoundException {
        Path base = root.toAbsolutePath().normalize();
        Path dir = base.resolve(name).normalize();
        if (!dir.startsWith(base) || dir.equals(base) || !Files.isDirectory(dir)) {
            throw new RepositoryNotFoundException(name);
        }
        try {
            // GitServlet closes the repository after each request, so every request opens its own.
            return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        }
        catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Answers 401 with a basic-auth challenge unless the request carries the expected user and password. */
    private static final class BasicAuthFilter implements Filter {
        private final String expected;

        BasicAuthFilter(final String user, final String password) {
            expected = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void doFilter(final ServletRequest request, final ServletResponse response, final FilterChain chain)
                throws IOException, ServletException {
            String authorization = ((HttpServletRequest) request).getHeader("Authorization");
            if (expected.equals(authorization)) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
            http.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
