package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire format of mlops serve and the rules for which client it serves. */
class ServerProtocolTest {
    /** A request survives the round trip, including empty and non-ASCII values. */
    @Test
    void shouldDecodeWhatItEncodes() throws IOException {
        ServerProtocol.Request request = new ServerProtocol.Request("build|1", Path.of("/tmp/ü"),
                Map.of("A", "", "MLOPS_MAIL_TO", "dev@example.com"), List.of("train", "--params", "{\"lr\": 0.1}"));

        ServerProtocol.Request decoded = ServerProtocol.Request.decode(request.encode());

        assertThat(decoded).isEqualTo(request);
    }

    /** Frames are written and read back in order; the exit code travels as 4 bytes. */
    @Test
    void shouldReadTheFramesItWrites() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ServerProtocol.write(Channels.newChannel(bytes), ServerProtocol.STDOUT, "line\n".getBytes());
        ServerProtocol.write(Channels.newChannel(bytes), ServerProtocol.EXIT, ServerProtocol.Frame.exit(3).payload());
        var channel = Channels.newChannel(new ByteArrayInputStream(bytes.toByteArray()));

        ServerProtocol.Frame out = ServerProtocol.read(channel);
        ServerProtocol.Frame exit = ServerProtocol.read(channel);

        assertThat(out.type()).isEqualTo(ServerProtocol.STDOUT);
        assertThat(out.text()).isEqualTo("line\n");
        assertThat(exit.type()).isEqualTo(ServerProtocol.EXIT);
        assertThat(exit.exitCode()).isEqualTo(3);
        assertThatThrownBy(() -> ServerProtocol.read(channel)).isInstanceOf(EOFException.class);
    }

    /** Something that is not our protocol (a huge length) is refused before allocating it. */
    @Test
    void shouldRefuseAnImplausibleFrame() {
        byte[] garbage = ByteBuffer.allocate(5).put((byte) 'O').putInt(Integer.MAX_VALUE).array();

        assertThatThrownBy(() -> ServerProtocol.read(Channels.newChannel(new ByteArrayInputStream(garbage))))
                .hasMessageContaining("does not speak the mlops protocol");
    }

    /** Shell bookkeeping variables do not count; differing ones are named, their values (secrets) never. */
    @Test
    void shouldNameTheVariablesThatDifferButNotTheirValues() {
        Map<String, String> server = Map.of("PWD", "/a", "SHLVL", "1", "DOCKER_HOST", "unix:///x", "HOME", "/root");
        Map<String, String> client = Map.of("PWD", "/b", "SHLVL", "3", "DOCKER_HOST", "tcp://y:2376", "HOME", "/root",
                "MLOPS_SMTP_PASSWORD", "s3cret");

        assertThat(ServerProtocol.differingVariables(server, client))
                .containsExactly("DOCKER_HOST", "MLOPS_SMTP_PASSWORD");
        assertThat(ServerProtocol.differingVariables(server, Map.of("PWD", "/c", "SHLVL", "2", "DOCKER_HOST",
                "unix:///x", "HOME", "/root"))).isEmpty();
    }

    /** The client sends digests: equal values match, the value itself does not travel. */
    @Test
    void shouldFingerprintValuesWithoutRevealingThem() {
        Map<String, String> client = ServerProtocol.fingerprint(Map.of("MLOPS_SMTP_PASSWORD", "s3cret", "HOME", "/root"));
        Map<String, String> server = ServerProtocol.fingerprint(Map.of("MLOPS_SMTP_PASSWORD", "other", "HOME", "/root",
                ServerProtocol.SOCKET_VARIABLE, "/run/x.sock"));

        assertThat(client.toString()).doesNotContain("s3cret");
        assertThat(ServerProtocol.differingVariables(server, client)).containsExactly("MLOPS_SMTP_PASSWORD");
    }

    /** The socket is the configured one, else one in the user's home that only they can reach. */
    @Test
    void shouldFindTheSocket() {
        assertThat(ServerProtocol.socket(Map.of(ServerProtocol.SOCKET_VARIABLE, "/run/x.sock")))
                .isEqualTo(Path.of("/run/x.sock"));
        assertThat(ServerProtocol.socket(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".mlops", "server.sock"));
    }

    /** Only commands that act on a workspace are served; the rest would need the client's credentials. */
    @Test
    void shouldServeOnlyWorkspaceCommands() {
        assertThat(ServerProtocol.SERVED).contains("train", "check").doesNotContain("fetch", "publish", "notify",
                "run", "serve");
        assertThat(new ServerClient(Map.of(ServerProtocol.SOCKET_VARIABLE, "/nonexistent/x.sock"), System.out,
                System.err).run("train")).isEmpty();
    }
}
