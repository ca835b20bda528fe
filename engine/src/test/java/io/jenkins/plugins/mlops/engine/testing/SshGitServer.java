package io.jenkins.plugins.mlops.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real git-over-SSH server for tests (Apache MINA sshd, as bundled with JGit's SSH client): 127.0.0.1, random
 * port, public-key authentication for one key, serving the bare repositories directly under a root folder. It writes
 * the client key and a {@code known_hosts} naming its host key into a home folder the client can use.
 */
public final class SshGitServer implements AutoCloseable {
    private final SshServer server;
    private final Path home;
    private final KeyPair client;
    private final Path clientKey;

    private SshGitServer(final Path root, final Path home) throws Exception {
        this.home = home;
        client = rsa();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(home.resolve("host-key.ser")));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, client.getPublic()));
        server.setPasswordAuthenticator(null);
        server.setCommandFactory((channel, command) -> new GitCommand(root, command));
        server.start();

        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        Files.writeString(ssh.resolve("known_hosts"),
                "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n");
        clientKey = Files.writeString(ssh.resolve("mlops_test_key"), pem(client));
    }

    /** Starts a server for the bare repositories under {@code root}; keys and known_hosts go under {@code home}. */
    public static SshGitServer start(final Path root, final Path home) throws Exception {
        return new SshGitServer(root, Files.createDirectories(home));
    }

    /** The ssh:// URL of repository {@code name}. */
    public String url(final String name) {
        return "ssh://git@127.0.0.1:" + server.getPort() + "/" + name;
    }

    /** The home folder holding {@code .ssh/known_hosts} with the server's host key. */
    public Path home() {
        return home;
    }

    /** A file with the private key the server accepts (PKCS#8 PEM, no passphrase), not a default identity. */
    public Path clientKey() {
        return clientKey;
    }

    /**
     * The private key the server accepts as OpenSSH text, encrypted with {@code passphrase}, written nowhere.
     */
    public String encryptedClientKey(final String passphrase) throws Exception {
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setCipherName("AES");
        encryption.setCipherType("256");
        encryption.setCipherMode("CTR");
        encryption.setPassword(passphrase);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "mlops-test", encryption, text);
        return text.toString(StandardCharsets.US_ASCII);
    }

    /** A fresh private key the server does not accept (PKCS#8 PEM text). */
    public String strangerKey() throws Exception {
        return pem(rsa());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(final KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Runs git-upload-pack or git-receive-pack for one repository on the channel's streams. */
    private static final class GitCommand implements Command {
        private final Path root;
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        GitCommand(final Path root, final String command) {
            this.root = root;
            this.command = command;
        }

        @Override
        public void setInputStream(final InputStream stream) {
            in = stream;
        }

        @Override
        public void setOutputStream(final OutputStream stream) {
            out = stream;
        }

        @Override
        public void setErrorStream(final OutputStream stream) {
            err = stream;
        }

        @Override
        public void setExitCallback(final ExitCallback callback) {
            exit = callback;
        }

        @Override
        public void start(final ChannelSession channel, final Environment environment) {
            Thread worker = new Thread(this::serve, "ssh-git " + command);
            worker.setDaemon(true);
            worker.start();
        }

        private void serve() {
            int code = 0;
            List<String> words = CommandFactory.split(command);
            String name = words.size() == 2 ? words.get(1).replaceAll("^'|'$", "").replaceFirst("^/", "") : "";
            Path dir = root.resolve(name).normalize();
            try (Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true)
                    .build()) {
                if (!dir.startsWith(root)) {
                    throw new IOException("outside the root: " + name);
                }
                if ("git-upload-pack".equals(words.get(0))) {
                    new UploadPack(repository).upload(in, out, err);
                }
                else if ("git-receive-pack".equals(words.get(0))) {
                    new ReceivePack(repository).receive(in, out, err);
                }
                else {
                    throw new IOException("unsupported command " + command);
                }
            }
            catch (IOException | RuntimeException e) {
                code = 1;
                try {
                    err.write((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                    err.flush();
                }
                catch (IOException ignored) {
                    code = 2;
                }
            }
            finally {
                try {
                    out.flush();
                }
                catch (IOException ignored) {
                    code = code == 0 ? 2 : code;
                }
                exit.onExit(code);
            }
        }

        @Override
        public void destroy(final ChannelSession channel) {
            // The worker ends with its streams.
        }
    }
}
