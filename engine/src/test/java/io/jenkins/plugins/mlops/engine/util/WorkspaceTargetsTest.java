package io.jenkins.plugins.mlops.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which names a training may write back into the workspace, as a repository's script picks them. */
class WorkspaceTargetsTest {
    @TempDir
    private Path workspace;

    @Test
    void shouldAcceptAPlainFile() throws IOException {
        assertThat(WorkspaceTargets.refusal(workspace.toRealPath(), "models/best.pt")).isNull();
    }

    /**
     * On a case-insensitive file system (an agent on macOS or Windows) {@code .MLOPS/run.json} is the tool's state,
     * and on Windows a backslash separates folders: {@code models\..\..\x} or {@code .git\hooks\post-checkout} would
     * lead where a slash may not. Before the fix both were accepted.
     */
    @Test
    void shouldRefuseTheStateFolderInAnyCaseAndBackslashes() throws IOException {
        Path root = workspace.toRealPath();

        assertThat(WorkspaceTargets.refusal(root, ".MLOPS/run.json")).contains(".mlops");
        assertThat(WorkspaceTargets.refusal(root, ".mlops/run.json")).contains(".mlops");
        assertThat(WorkspaceTargets.refusal(root, ".git\\hooks\\post-checkout")).isNotNull();
        assertThat(WorkspaceTargets.refusal(root, "models\\..\\..\\x.pt")).isNotNull();
        assertThat(WorkspaceTargets.refusal(root, ".GIT/config")).contains(".git");
    }
}
