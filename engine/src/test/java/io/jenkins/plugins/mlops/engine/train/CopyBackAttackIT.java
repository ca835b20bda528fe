package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.1 and 13.7, attacked with real containers: a training that writes {@code .git/config} (with
 * {@code core.hooksPath}) and hooks, replaces the repository's symbolic links by folders so that its files would land
 * through them, or leaves huge (sparse) files behind gets none of that into the host workspace.
 */
@RequiresDocker
class CopyBackAttackIT {
    private static final String GIT_CONFIG = "[core]\n\trepositoryformatversion = 0\n";
    /** Writes what a hostile training would like the host to run or read; every step may fail, that is fine. */
    private static final String HOSTILE = """
            import os
            def attempt(what, action):
                try:
                    action()
                    print(what, "written")
                except OSError as e:
                    print(what, "refused", e.errno)
            def write(path, text):
                os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
                with open(path, "w") as f:
                    f.write(text)
            def hooks_folder():
                os.remove("out")
                write("out/pre-commit", "#!/bin/sh\\ntouch /tmp/pwned\\n")
            def outside_folder():
                os.remove("escape")
                write("escape/model.pt", "pwned")
            attempt("config", lambda: write(".git/config", "[core]\\n\\thooksPath = hooks\\n"))
            attempt("hook", lambda: write(".git/hooks/pre-commit", "#!/bin/sh\\ntouch /tmp/pwned\\n"))
            attempt("state", lambda: write(".mlops/run.json", "{}"))
            attempt("hooks-through-link", hooks_folder)
            attempt("outside-through-link", outside_folder)
            attempt("nested-git", lambda: write("sub/.git/config", "[core]\\n\\tfsmonitor = /tmp/x\\n"))
            attempt("model", lambda: write("model.pt", "weights"))
            """;

    private static ContainerTrainer trainer;

    @TempDir
    private Path workspace;
    @TempDir
    private Path outside;

    @BeforeAll
    static void connect() {
        trainer = ContainerTrainer.fromEnvironment();
    }

    @AfterAll
    static void disconnect() {
        trainer.close();
    }

    /** Copy-back (the default): only model.pt comes back; .git, .mlops and paths through links are refused. */
    @Test
    void shouldCopyBackNothingUnderGitNorThroughLinks() throws IOException {
        TrainingFixture fixture = hostileRepository();

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN).artifacts(List.of("*"))
                .build(), fixture.output(), new RunLog());

        assertThat(result.state()).as(result.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).contains("config written", "hooks-through-link written", "model written");
        assertUntouched();
        assertThat(result.artifacts()).contains("model.pt").noneMatch(name -> name.contains(".git")
                || name.startsWith(".mlops") || name.startsWith("out/") || name.startsWith("escape/"));
        assertThat(result.notCopied()).anyMatch(line -> line.startsWith(".git/config"))
                .anyMatch(line -> line.startsWith("out/pre-commit"));
        assertThat(workspace.resolve("model.pt")).hasContent("weights");
    }

    /** Bind-mounted: .git and .mlops are read-only inside the container, so the script cannot change them. */
    @Test
    void shouldMountGitReadOnlyWithABindMount() throws IOException {
        TrainingFixture fixture = hostileRepository();
        // An agent's workspace belongs to the user the training runs as: only the read-only mounts protect it.
        try (Stream<Path> all = Files.walk(workspace)) {
            for (Path path : all.toList()) {
                if (!Files.isSymbolicLink(path)) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            Files.isDirectory(path) ? "rwxrwxrwx" : "rw-rw-rw-"));
                }
            }
        }

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN).artifacts(List.of("*"))
                .bindMount(true).build(), fixture.output(), new RunLog());

        assertThat(result.state()).as(result.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).contains("config refused 30", "hook refused 30", "model written");
        assertThat(workspace.resolve(".git/config")).hasContent(GIT_CONFIG);
        assertThat(workspace.resolve(".git/hooks/pre-commit")).doesNotExist();
        assertThat(workspace.resolve(".mlops/run.json")).hasContent("{\"runId\":\"r\"}");
    }

    /**
     * A sparse model file above the operator's per-file limit stays in the container, the small one comes back. (The
     * limits are small here to keep the test fast; the 2 GiB / 4 GiB defaults are checked by SandboxPolicyTest.)
     */
    @Test
    void shouldNotCopyBackAFileAboveTheLimit() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                with open("big.pt", "wb") as f:
                    f.truncate(300 << 20)
                with open("small.pt", "wb") as f:
                    f.write(b"weights")
                """);

        TrainingResult result;
        try (ContainerTrainer limited = new ContainerTrainer(DockerClientFactory.fromEnvironment(),
                new SandboxPolicy(false, 100L << 20, 200L << 20))) {
            result = limited.train(fixture.request(TrainingFixture.SKLEARN).build(), fixture.output(),
                    new RunLog());
        }

        assertThat(result.state()).as(result.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(workspace.resolve("big.pt")).doesNotExist();
        assertThat(workspace.resolve("small.pt")).hasContent("weights");
        assertThat(result.notCopied()).singleElement().asString().startsWith("big.pt (314572800 bytes, above the "
                + "per-file limit of 104857600 bytes");
    }

    /** A repository with .git, chain state, and links: out -> .git/hooks, escape -> a folder outside. */
    private TrainingFixture hostileRepository() throws IOException {
        Files.createDirectories(workspace.resolve(".git/hooks"));
        Files.writeString(workspace.resolve(".git/config"), GIT_CONFIG);
        Files.createDirectories(workspace.resolve(".mlops"));
        Files.writeString(workspace.resolve(".mlops/run.json"), "{\"runId\":\"r\"}");
        Files.createSymbolicLink(workspace.resolve("out"), Path.of(".git/hooks"));
        Files.createSymbolicLink(workspace.resolve("escape"), outside);
        return new TrainingFixture(workspace).script(HOSTILE);
    }

    private void assertUntouched() throws IOException {
        assertThat(workspace.resolve(".git/config")).hasContent(GIT_CONFIG);
        assertThat(workspace.resolve(".git/hooks/pre-commit")).doesNotExist();
        assertThat(workspace.resolve("sub/.git/config")).doesNotExist();
        assertThat(workspace.resolve(".mlops/run.json")).hasContent("{\"runId\":\"r\"}");
        assertThat(Files.isSymbolicLink(workspace.resolve("out"))).isTrue();
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }
}
