package io.jenkins.plugins.mlops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A freestyle job's own Git SCM checks out the via-git tweak "mlops: trial 2" into a fresh workspace, and the train
 * step, which knows nothing of the tweak step's mode, trained it as "Trial 1" (baseline, mode in-build). The trailers
 * of the checked-out history decide, unless a mode was chosen.
 */
class TrainingModeTest {
    private static final List<TrialTrailers.RecordedTrial> ONE_TRIAL = List.of(
            new TrialTrailers.RecordedTrial(1, 0.5, "abc123", "mlops: trial 2: [max_iter] max_iter 20 -> 40", null));

    @TempDir
    private Path workspace;

    @Test
    void shouldFollowTheTrailersWhenNoModeWasChosen() {
        MlopsConfig config = ConfigLoader.load(workspace, null, Overrides.NONE, OperatorPolicy.DEFAULT);

        assertThat(Training.viaGit(config, ONE_TRIAL)).isTrue();
        assertThat(Training.viaGit(config, List.of())).isFalse();
    }

    @Test
    void shouldRespectAChosenMode() throws IOException {
        Files.writeString(workspace.resolve("mlops.yml"), "mode: in-build\n");
        MlopsConfig inBuild = ConfigLoader.load(workspace, null, Overrides.NONE, OperatorPolicy.DEFAULT);
        MlopsConfig viaGit = ConfigLoader.load(workspace, null, Overrides.builder().mode("via-git").build(),
                OperatorPolicy.DEFAULT);

        assertThat(Training.viaGit(inBuild, ONE_TRIAL)).isFalse();
        assertThat(Training.viaGit(viaGit, List.of())).isTrue();
    }
}
