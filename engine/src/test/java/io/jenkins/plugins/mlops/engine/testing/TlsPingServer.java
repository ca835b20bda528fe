package io.jenkins.plugins.mlops.engine.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The TLS front of a Docker daemon started with {@code --tlsverify}, and just enough of its API to answer a ping:
 * 127.0.0.1, random port, a client certificate required. It records the subject of every client certificate that
 * completed a handshake and every request line it answered, so a test can tell what reached the "daemon".
 */
public final class TlsPingServer implements AutoCloseable {
    private final SSLServerSocket socket;
    private final List<String> clients = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private TlsPingServer(final SSLContext context) throws IOException {
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        socket.setNeedClientAuth(true);
        Thread acceptor = new Thread(this::accept, "tls-ping-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server with {@code context} (its key is the server's, its trust decides which clients pass). */
    public static TlsPingServer start(final SSLContext context) throws IOException {
        return new TlsPingServer(context);
    }

    /** The address as DOCKER_HOST names it. */
    public String dockerHost() {
        return "tcp://127.0.0.1:" + socket.getLocalPort();
    }

    /** The subjects of the client certificates of the handshakes that succeeded. */
    public List<String> clientSubjects() {
        return List.copyOf(clients);
    }

    /** The request lines answered, e.g. {@code GET /_ping HTTP/1.1}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread worker = new Thread(() -> serve((SSLSocket) connection), "tls-ping-connection");
                worker.setDaemon(true);
                worker.start();
            }
            catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(final SSLSocket connection) {
        try (connection) {
            connection.setSoTimeout(10_000);
            connection.startHandshake();
            clients.add(connection.getSession().getPeerPrincipal().getName());
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            String request = in.readLine();
            // Only the request line matters; the headers are skipped and a ping has no body.
            String header = in.readLine();
            while (header != null && !header.isEmpty()) {
                header = in.readLine();
            }
            requests.add(request);
            boolean ping = request != null && request.matches("(GET|HEAD) (/v[0-9.]+)?/_ping HTTP/1\\.1");
            String body = ping ? "OK" : "page not found";
            OutputStream out = connection.getOutputStream();
            out.write(((ping ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\nApi-Version: 1.41\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        catch (IOException refused) {
            // A failed handshake: the client saw it too; nothing is recorded.
        }
    }
}
