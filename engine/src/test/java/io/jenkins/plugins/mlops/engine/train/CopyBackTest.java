package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What comes back out of a container: never git's or the tool's files, never through links, within the limits. */
class CopyBackTest {
    private static final WorkspaceArchive.FileSelection EVERYTHING = new WorkspaceArchive.FileSelection(List.of(),
            List.of("*"));

    @TempDir
    private Path workspace;
    @TempDir
    private Path outside;

    /** .git (also nested and in other case) and .mlops are refused, with the reason. */
    @Test
    void shouldRefuseGitAndStateFiles() throws IOException {
        CopyBack.Result result = extract(SandboxPolicy.DEFAULT, Map.of("workspace/.git/config", "x",
                "workspace/sub/.GIT/hooks/pre-commit", "x", "workspace/.mlops/run.json", "x",
                "workspace/model.pt", "w"));

        assertThat(result.copied()).containsExactly("model.pt");
        assertThat(result.notCopied()).containsExactlyInAnyOrder(
                ".git/config (under .git; git's files never come back from a training)",
                "sub/.GIT/hooks/pre-commit (under .git; git's files never come back from a training)",
                ".mlops/run.json (under .mlops, the tool's own state)");
        assertThat(workspace.resolve(".git")).doesNotExist();
    }

    /** A folder link of the workspace (to .git/hooks or outside) is never written through; a file link is kept. */
    @Test
    void shouldNotWriteThroughLinks() throws IOException {
        Files.createDirectories(workspace.resolve("hooks-target"));
        Files.createSymbolicLink(workspace.resolve("out"), Path.of("hooks-target"));
        Files.createSymbolicLink(workspace.resolve("escape"), outside);
        Files.writeString(outside.resolve("secret.pt"), "secret");
        Files.createSymbolicLink(workspace.resolve("model.pt"), outside.resolve("secret.pt"));

        CopyBack.Result result = extract(SandboxPolicy.DEFAULT, Map.of("workspace/out/pre-commit", "x",
                "workspace/escape/a.pt", "x", "workspace/model.pt", "w"));

        assertThat(result.copied()).isEmpty();
        assertThat(result.notCopied()).hasSize(3).allMatch(line -> line.contains("symbolic link"));
        assertThat(workspace.resolve("hooks-target")).isEmptyDirectory();
        assertThat(outside.resolve("secret.pt")).hasContent("secret");
        assertThat(outside.resolve("a.pt")).doesNotExist();
    }

    /** A file above the per-file limit, and files past the total, are skipped and reported; smaller ones come. */
    @Test
    void shouldKeepToTheSizeLimits() throws IOException {
        Map<String, String> files = new TreeMap<>();
        files.put("workspace/a.pt", "x".repeat(40));
        files.put("workspace/b.pt", "x".repeat(101));
        files.put("workspace/c.pt", "x".repeat(40));
        files.put("workspace/d.pt", "x".repeat(40));

        CopyBack.Result result = extract(new SandboxPolicy(false, 100, 100), files);

        assertThat(result.copied()).containsExactly("a.pt", "c.pt");
        assertThat(result.notCopied()).containsExactly(
                "b.pt (101 bytes, above the per-file limit of 100 bytes (MLOPS_COPY_BACK_MAX_FILE; in Jenkins: "
                        + "Largest file copied back))",
                "d.pt (40 bytes would pass the total limit of 100 bytes per trial (MLOPS_COPY_BACK_MAX_TOTAL; in "
                        + "Jenkins: Most bytes copied back per trial))");
        assertThat(workspace.resolve("b.pt")).doesNotExist();
    }

    /**
     * Empty files cost no bytes: a script writing a million empty {@code *.pt} files had them all created on the
     * agent (and each refusal listed). At most {@link CopyBack#MAX_FILES} come back, and the refusals past
     * {@link CopyBack#MAX_LISTED} are counted, not named.
     */
    @Test
    void shouldBringBackAtMostSoManyFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < CopyBack.MAX_FILES + 150; i++) {
            files.put("workspace/many/" + i + ".pt", "");
        }

        CopyBack.Result result = extract(SandboxPolicy.DEFAULT, files);

        assertThat(result.copied()).hasSize(CopyBack.MAX_FILES);
        assertThat(result.notCopied()).hasSize(CopyBack.MAX_LISTED + 1);
        assertThat(result.notCopied().get(0)).endsWith("(past the limit of 10000 files per trial)");
        assertThat(result.notCopied().get(CopyBack.MAX_LISTED)).isEqualTo("... and 50 more");
    }

    /** A symbolic or hard link entry of the container is no regular file: reported, nothing written. */
    @Test
    void shouldRefuseLinkEntries() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            var symlink = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("workspace/a.pt",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_SYMLINK);
            symlink.setLinkName("/etc/passwd");
            tar.putArchiveEntry(symlink);
            tar.closeArchiveEntry();
            var hardlink = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("workspace/b.pt",
                    org.apache.commons.compress.archivers.tar.TarConstants.LF_LINK);
            hardlink.setLinkName("workspace/a.pt");
            tar.putArchiveEntry(hardlink);
            tar.closeArchiveEntry();
        }

        CopyBack.Result result = new CopyBack(workspace, EVERYTHING, SandboxPolicy.DEFAULT)
                .extract(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(result.copied()).isEmpty();
        assertThat(result.notCopied()).containsExactly("a.pt (not a regular file)", "b.pt (not a regular file)");
        assertThat(workspace.resolve("a.pt")).doesNotExist();
    }

    /** Paths that climb out are refused. */
    @Test
    void shouldRefusePathsThatClimbOut() throws IOException {
        CopyBack.Result result = extract(SandboxPolicy.DEFAULT, Map.of("workspace/x/../../escape.pt", "x"));

        assertThat(result.copied()).isEmpty();
        assertThat(result.notCopied()).singleElement().asString().contains("not a plain path");
    }

    private CopyBack.Result extract(final SandboxPolicy policy, final Map<String, String> files) throws IOException {
        byte[] tar = WorkspaceArchiveTest.containerTar(files);
        return new CopyBack(workspace, EVERYTHING, policy).extract(new ByteArrayInputStream(tar));
    }
}
