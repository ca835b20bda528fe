package io.jenkins.plugins.mlops.engine.source;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which workspaces count as tracking the tool's state folder, with real git repositories: staged or committed paths
 * under .mlops (files and links) are refused; the tool's own untracked .mlops, a bare folder, and a name that only
 * starts like it are not.
 */
class TrackedStateTest {
    @TempDir
    private Path workspace;

    @Test
    void shouldRefuseAStagedStateFile() throws IOException, GitAPIException {
        try (Git git = init()) {
            write(".mlops/run.json", "{}");
            git.add().addFilepattern(".").call();
        }

        assertThatThrownBy(() -> TrackedState.refuse(workspace)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("tracks .mlops/run.json").hasMessageContaining("git rm -r --cached .mlops");
    }

    /** A commit tracking .mlops is refused even when the index no longer holds it (removed, not yet committed). */
    @Test
    void shouldRefuseAStateFolderInTheHeadCommit() throws IOException, GitAPIException {
        try (Git git = init()) {
            write(".mlops/trials/1/work/model.pt", "weights");
            git.add().addFilepattern(".").call();
            commit(git);
            git.rm().setCached(true).addFilepattern(".mlops/trials/1/work/model.pt").call();
        }

        assertThatThrownBy(() -> TrackedState.refuse(workspace)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("tracks .mlops/trials/1/work/model.pt");
    }

    @Test
    void shouldRefuseACommittedLinkNamedMlops() throws IOException, GitAPIException {
        try (Git git = init()) {
            Files.createSymbolicLink(workspace.resolve(".mlops"), Path.of("/tmp"));
            git.add().addFilepattern(".").call();
            commit(git);
        }

        assertThatThrownBy(() -> TrackedState.refuse(workspace)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("tracks .mlops ");
    }

    /** The tool's own state, untracked beside a tracked look-alike name, and a folder that is no checkout pass. */
    @Test
    void shouldAcceptTheToolsOwnUntrackedState() throws IOException, GitAPIException {
        try (Git git = init()) {
            write(".mlops-demo/notes.txt", "a name that only starts like the state folder");
            write("train.py", "print(1)\n");
            git.add().addFilepattern(".").call();
            commit(git);
            write(".mlops/run.json", "{}");
        }

        assertThatCode(() -> TrackedState.refuse(workspace)).doesNotThrowAnyException();
        assertThatCode(() -> TrackedState.refuse(workspace.resolve(".mlops"))).doesNotThrowAnyException();
    }

    private Git init() throws GitAPIException {
        return Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call();
    }

    private static void commit(final Git git) throws GitAPIException {
        git.commit().setMessage("commit").setAuthor("Eve", "eve@example.com").setCommitter("Eve", "eve@example.com")
                .setSign(false).call();
    }

    private void write(final String path, final String content) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
