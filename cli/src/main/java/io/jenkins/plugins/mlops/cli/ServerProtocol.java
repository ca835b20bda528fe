package io.jenkins.plugins.mlops.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How {@code mlops} talks to a running {@code mlops serve} over a Unix domain socket: frames of a type byte, a
 * length and a payload. Only JDK classes, so that the client side starts in a fraction of the engine's start-up.
 */
final class ServerProtocol {
    /** The environment variable naming the server's socket; the default is {@code ~/.mlops/server.sock}. */
    static final String SOCKET_VARIABLE = "MLOPS_SERVER_SOCKET";
    /** Client to server: the command to run. */
    static final byte REQUEST = 'Q';
    /** Client to server: the user pressed Ctrl-C; cancel the command as a Jenkins abort would. */
    static final byte CANCEL = 'C';
    /** Server to client: a piece of standard output. */
    static final byte STDOUT = 'O';
    /** Server to client: a piece of standard error. */
    static final byte STDERR = 'E';
    /** Server to client: the server runs the command; until this frame the client may still run it itself. */
    static final byte ACCEPTED = 'A';
    /** Server to client: the command ended with this exit code (4 bytes). */
    static final byte EXIT = 'X';
    /** Server to client: the server does not run this request (the reason follows); the client runs it itself. */
    static final byte REFUSED = 'R';
    /**
     * The commands a server runs: the per-trial ones, which act on a workspace. Commands that take a remote (fetch,
     * poll, run, watch, publish) may name it as a path relative to the client's folder, which git in the server would
     * resolve against its own; they and the rare ones (notify, demo, serve) run in the client.
     */
    static final Set<String> SERVED = Set.of("detect", "train", "check", "tweak", "report");

    /**
     * Variables that may differ between client and server: set by the shell for each folder or sub-shell, and the
     * socket's own name (a server started with {@code --socket} has none).
     */
    private static final Set<String> IGNORED_VARIABLES = Set.of("PWD", "OLDPWD", "SHLVL", "_", SOCKET_VARIABLE);
    /**
     * Variables naming files, which mlops reads against the current folder when relative: a server in another folder
     * would read other files.
     */
    static final Set<String> PATH_VARIABLES = Set.of(GitEnvironment.SSH_KEY, "DOCKER_CERT_PATH");
    private static final int MAX_FRAME = 16 * 1024 * 1024;

    private ServerProtocol() {
    }

    /** One frame as read. */
    record Frame(byte type, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int exitCode() {
            return ByteBuffer.wrap(payload).getInt();
        }

        static Frame exit(final int exitCode) {
            return new Frame(EXIT, ByteBuffer.allocate(4).putInt(exitCode).array());
        }
    }

    /**
     * What the client asks the server to run.
     *
     * @param build       the identity of the client's mlops build ({@link #build()})
     * @param directory   the client's current folder, absolute
     * @param environment the client's environment as {@link #fingerprint}s: the server compares, the values stay
     * @param arguments   the command line
     */
    record Request(String build, Path directory, Map<String, String> environment, List<String> arguments) {
        byte[] encode() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(bytes)) {
                writeString(data, build);
                writeString(data, directory.toString());
                data.writeInt(environment.size());
                for (Map.Entry<String, String> variable : environment.entrySet()) {
                    writeString(data, variable.getKey());
                    writeString(data, variable.getValue());
                }
                data.writeInt(arguments.size());
                for (String argument : arguments) {
                    writeString(data, argument);
                }
            }
            return bytes.toByteArray();
        }

        static Request decode(final byte[] payload) throws IOException {
            try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(payload))) {
                String build = readString(data);
                Path directory = Path.of(readString(data));
                Map<String, String> environment = new LinkedHashMap<>();
                for (int i = data.readInt(); i > 0; i--) {
                    environment.put(readString(data), readString(data));
                }
                List<String> arguments = new ArrayList<>();
                for (int i = data.readInt(); i > 0; i--) {
                    arguments.add(readString(data));
                }
                return new Request(build, directory, environment, List.copyOf(arguments));
            }
        }
    }

    /** The socket of the server for this environment. */
    static Path socket(final Map<String, String> environment) {
        String configured = environment.get(SOCKET_VARIABLE);
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".mlops", "server.sock")
                : Path.of(configured).toAbsolutePath();
    }

    /**
     * Identifies this build of mlops (its jar's path, size and time), so that a server started before a rebuild does
     * not run a newer client's commands with older code.
     */
    static String build() {
        try {
            Path code = Path.of(ServerProtocol.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? code + "|" + Files.size(code) + "|" + Files.getLastModifiedTime(code)
                    : code.toString();
        }
        catch (IOException | URISyntaxException | SecurityException e) {
            return "unknown";
        }
    }

    /**
     * Each variable's value as a SHA-256 digest: enough to tell whether client and server share an environment
     * without the client's secrets (passwords in {@code MLOPS_*} variables) leaving its process.
     */
    static Map<String, String> fingerprint(final Map<String, String> environment) {
        try {
            Map<String, String> fingerprints = new TreeMap<>();
            for (Map.Entry<String, String> variable : environment.entrySet()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                fingerprints.put(variable.getKey(), HexFormat.of().formatHex(
                        digest.digest(variable.getValue().getBytes(StandardCharsets.UTF_8))));
            }
            return fingerprints;
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The names of the variables that differ between two environments (or their fingerprints), shell ones aside. */
    static Set<String> differingVariables(final Map<String, String> one, final Map<String, String> other) {
        Set<String> names = new TreeSet<>(one.keySet());
        names.addAll(other.keySet());
        names.removeAll(IGNORED_VARIABLES);
        names.removeIf(name -> Objects.equals(one.get(name), other.get(name)));
        return names;
    }

    static void write(final WritableByteChannel channel, final byte type, final byte[] payload) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(5 + payload.length).put(type).putInt(payload.length).put(payload)
                .flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    /** The next frame; {@link EOFException} when the other side closed the socket. */
    static Frame read(final ReadableByteChannel channel) throws IOException {
        ByteBuffer header = readFully(channel, 5);
        byte type = header.get();
        int length = header.getInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("a frame of " + length + " bytes: the other side does not speak the mlops protocol");
        }
        return new Frame(type, readFully(channel, length).array());
    }

    private static ByteBuffer readFully(final ReadableByteChannel channel, final int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the other side closed the connection");
            }
        }
        return buffer.flip();
    }

    private static void writeString(final DataOutputStream data, final String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static String readString(final DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("a string of " + length + " bytes in a request");
        }
        return new String(data.readNBytes(length), StandardCharsets.UTF_8);
    }
}
