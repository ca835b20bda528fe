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

    /**
     * A trial's work directory holds its own files only: the entry (from the best trial when given), not the rest of
     * the repository, which the trainer shares among the study's trials; an entry that is a link is not followed.
     */
    @Test
    void shouldPrepareOnlyTheEntry() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "units = 1\n");
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/big.bin"), "data");
        Files.writeString(outside.resolve("secret.py"), "secret\n");
        Files.createSymbolicLink(workspace.resolve("linked.py"), outside.resolve("secret.py"));
        TrialWorkspaces workspaces = new TrialWorkspaces(workspace);
        Path first = workspaces.prepare(1, "train.py", null);
        Files.writeString(first.resolve("train.py"), "units = 2\n");

        Path second = workspaces.prepare(2, "train.py", first);
        Path linked = workspaces.prepare(3, "linked.py", null);

        try (Stream<Path> files = Files.list(second)) {
            assertThat(files).containsExactly(second.resolve("train.py"));
        }
        assertThat(second.resolve("train.py")).hasContent("units = 2");
        try (Stream<Path> files = Files.list(linked)) {
            assertThat(files).isEmpty();
        }
    }

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
