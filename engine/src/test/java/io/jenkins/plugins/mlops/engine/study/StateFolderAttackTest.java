package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks through the tool's own state folder {@code .mlops}, planted by a repository (or whoever filled a bare
 * folder): links that lead the tool's deletes and writes outside the workspace, and a chain id that names another run's
 * containers. Before the fix a link {@code .mlops/trials -> victim} made preparing trial 1 delete
 * {@code victim/1/keep.txt} and write {@code victim/1/work/train.py}.
 */
class StateFolderAttackTest {
    @TempDir
    private Path workspace;
    @TempDir
    private Path victim;

    @Test
    void shouldNotDeleteOrWriteThroughALinkedTrialsFolder() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print(1)\n");
        Files.createDirectories(workspace.resolve(".mlops"));
        Files.createDirectories(victim.resolve("1"));
        Files.writeString(victim.resolve("1/keep.txt"), "precious");
        Files.createSymbolicLink(workspace.resolve(".mlops/trials"), victim);
        TrialWorkspaces workspaces = new TrialWorkspaces(workspace);

        assertThatThrownBy(() -> workspaces.prepare(1, "train.py", null))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining(".mlops/trials is a symbolic link")
                .hasMessageContaining("remove .mlops from the repository");

        assertThat(victim.resolve("1/keep.txt")).hasContent("precious");
        assertThat(victim.resolve("1/work")).doesNotExist();
        assertThatThrownBy(() -> workspaces.workDir(1)).isInstanceOf(MlopsException.class);
    }

    /** A link one level down (.mlops/trials/1 -> victim) is refused too: every folder the tool keeps is checked. */
    @Test
    void shouldNotDeleteThroughALinkedTrialFolder() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print(1)\n");
        Files.createDirectories(workspace.resolve(".mlops/trials"));
        Files.writeString(victim.resolve("keep.txt"), "precious");
        Files.createSymbolicLink(workspace.resolve(".mlops/trials/1"), victim);

        assertThatThrownBy(() -> new TrialWorkspaces(workspace).prepare(1, "train.py", null))
                .isInstanceOf(MlopsException.class).hasMessageContaining("symbolic link");

        assertThat(victim.resolve("keep.txt")).hasContent("precious");
    }

    /** A linked .mlops itself: run.json is neither read from nor written to the link's target. */
    @Test
    void shouldNotKeepTheChainStateInALinkedStateFolder() throws IOException {
        Files.createSymbolicLink(workspace.resolve(".mlops"), victim);

        assertThatThrownBy(() -> new ChainStateStore(workspace)).isInstanceOf(MlopsException.class)
                .hasMessageContaining(".mlops is a symbolic link");

        try (var files = Files.list(victim)) {
            assertThat(files).isEmpty();
        }
    }

    /** A linked run.json (to a host file) is not read. */
    @Test
    void shouldNotReadALinkedChainState() throws IOException {
        Files.createDirectories(workspace.resolve(".mlops"));
        Files.writeString(victim.resolve("secret"), "{\"runId\":\"secret\"}");
        Files.createSymbolicLink(workspace.resolve(".mlops/run.json"), victim.resolve("secret"));

        assertThatThrownBy(() -> new ChainStateStore(workspace).load()).isInstanceOf(MlopsException.class)
                .hasMessageContaining("run.json is a symbolic link");
    }

    /**
     * A planted chain id would become the label filter of the orphan sweep, which force-removes containers and volumes
     * on the shared daemon: only chain ids of the tool's own form (UUIDs) are used.
     */
    @Test
    void shouldRefuseAChainIdTheToolDidNotMake() {
        ChainStateStore store = new ChainStateStore(workspace);
        for (String planted : List.of("other-teams-run", "", "0b4c2a5e-8d1f-4c3a-9e7b-2f6d8a1c3e5")) {
            store.save(ChainState.start(planted));

            assertThatThrownBy(() -> store.checkedChainId(store.load().orElseThrow()))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("which the tool did not make");
        }
        ChainStateStore fresh = new ChainStateStore(workspace.resolve("fresh"));
        ChainState own = fresh.loadOrStart();
        fresh.save(own);
        assertThat(fresh.checkedChainId(fresh.load().orElseThrow())).isEqualTo(own.chainId());
    }
}
