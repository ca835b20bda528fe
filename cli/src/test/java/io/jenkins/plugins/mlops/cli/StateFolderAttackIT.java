package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security review's attacks through the tool's own state folder {@code .mlops}, as a repository author performs
 * them, with {@code mlops} against the real dockerd: a planted run.json whose detection names an image outside the
 * operator's allow-list. Before the fix {@code mlops train} ran that image (debian:bookworm-slim), although
 * {@code image:} with it in mlops.yml is refused with exit 2.
 */
@RequiresDocker
class StateFolderAttackIT {
    private static final String OUTSIDE_IMAGE = "debian:bookworm-slim";

    @TempDir
    private Path workspace;

    private final InProcessMlops mlops = new InProcessMlops();

    @Test
    void shouldNotTrainAnImageOutsideTheAllowListRecordedInRunJson() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print('trained')\n");
        new RunStateStore(workspace).save(RunState.start(UUID.randomUUID().toString()).withDetection(new Detection(
                "train.py", new ModelType(Framework.SKLEARN, Architecture.LOGISTIC_REGRESSION), OUTSIDE_IMAGE, 0.9,
                false, List.of())));

        int exit = mlops.run("train", "--workspace", workspace.toString(), "--timeout", "2m");

        assertThat(exit).as(mlops.out() + mlops.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mlops.err()).contains(OUTSIDE_IMAGE, "allow-list", "MLOPS_ALLOWED_IMAGES", "run.json");
        assertThat(new RunStateStore(workspace).load().orElseThrow().trials()).as("no trial ran").isEmpty();
    }
}
