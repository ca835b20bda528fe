package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting the winner's files is the second half of the copy-back (issue 13.1): the repository's own symbolic links
 * must not carry a trial's files out of the workspace or into .git.
 */
class TrialWorkspacesTest {
    @TempDir
    private Path workspace;
    @TempDir
    private Path outside;

    /** A folder link of the repository (out -> a folder outside, hooks -> .git/hooks) is never written through. */
    @Test
    void shouldNotAdoptFilesThroughTheRepositorysLinks() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print(1)\n");
        Files.createDirectories(workspace.resolve(".git/hooks"));
        Files.createSymbolicLink(workspace.resolve("out"), outside);
        Files.createSymbolicLink(workspace.resolve("hooks"), Path.of(".git/hooks"));
        TrialWorkspaces workspaces = new TrialWorkspaces(workspace);
        Path work = workspaces.prepare(1, "train.py", null);
        Files.createDirectories(work.resolve("out"));
        Files.writeString(work.resolve("out/model.pt"), "weights");
        Files.createDirectories(work.resolve("hooks"));
        Files.writeString(work.resolve("hooks/pre-commit"), "#!/bin/sh\ntouch /tmp/pwned\n");
        Files.writeString(work.resolve("model.pt"), "weights");

        List<String> refused = workspaces.adopt(1, List.of("train.py", "out/model.pt", "hooks/pre-commit",
                "model.pt"));

        assertThat(refused).hasSize(2).allMatch(line -> line.contains("symbolic link"));
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
        assertThat(workspace.resolve(".git/hooks/pre-commit")).doesNotExist();
        assertThat(workspace.resolve("model.pt")).hasContent("weights");
    }
}
