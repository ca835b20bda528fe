package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.6, attacked with real images: whatever way an image's USER spells uid 0 ({@code 00}, {@code 0:0},
 * {@code root:root}, a name that /etc/passwd maps to 0), the script runs as 1000 unless the operator allows root.
 */
@RequiresDocker
class RootUserIT {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\n"
            + "toor:x:0:0:another root:/root:/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
    private static ContainerTrainer trainer;

    @TempDir
    private Path workspace;

    @BeforeAll
    static void connect() {
        trainer = ContainerTrainer.fromEnvironment();
    }

    @AfterAll
    static void disconnect() {
        trainer.close();
    }

    /** None of the spellings of root runs as root. */
    @Test
    void shouldNotRunAsRootWhateverTheSpelling() throws IOException {
        Map<String, String> images = new LinkedHashMap<>();
        images.put("00", "mlops-test/user-00:1");
        images.put("0:0", "mlops-test/user-0-0:1");
        images.put("root:root", "mlops-test/user-root-root:1");
        images.put("toor", "mlops-test/user-toor:1");
        for (Map.Entry<String, String> image : images.entrySet()) {
            TestImages.build(image.getValue(), "FROM debian:bookworm-slim\nCOPY passwd /etc/passwd\nUSER "
                    + image.getKey() + "\n", Map.of("passwd", PASSWD));
        }
        TrainingFixture fixture = new TrainingFixture(workspace);

        for (String image : images.values()) {
            TrainingResult result = trainer.train(fixture.request(image).command(List.of("id", "-u")).build(),
                    fixture.output(), new RunLog());
            assertThat(result.state()).as(image + ": " + result.message()).isEqualTo(TrialState.COMPLETE);
        }

        assertThat(fixture.stdout).containsExactly("1000", "1000", "1000", "1000");
        assertThat(fixture.containers()).isEmpty();
    }
}
