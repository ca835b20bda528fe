package io.jenkins.plugins.mlops.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.8: a binary or huge entry is not tokenized line by line. It stops at the first sign of binary content or
 * at the size cap, with one warning per file. (The timeouts only keep a regression from hanging the build; speed is
 * measured in bench/, not asserted here.)
 */
class DetectionLimitsTest {
    @TempDir
    private Path workspace;

    /** A binary entry below the size cap: one warning that says it is binary, and the detection still answers. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStopAtTheFirstSignOfABinaryFile() throws IOException {
        byte[] noise = new byte[900 * 1024];
        new Random(13).nextBytes(noise);
        Files.write(workspace.resolve("train.py"), noise);
        RunLog log = new RunLog();

        Detection detection = new ModelTypeDetector().detect(workspace, "train.py", log);

        assertThat(log.getInfoMessages()).filteredOn(line -> line.startsWith("Could not read all code"))
                .singleElement().asString().contains("train.py").contains("binary");
        assertThat(detection.partial()).isTrue();
    }

    /** A 10 MB Python source (a generated table, say) is above the 1 MiB cap: one warning naming the cap. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldCapTheInputSize() throws IOException {
        StringBuilder source = new StringBuilder("import torch\nweights = [\n");
        while (source.length() < 10 * 1024 * 1024) {
            source.append("    0.123456789, 0.987654321, 0.5,\n");
        }
        source.append("]\n");
        Files.writeString(workspace.resolve("train.py"), source, StandardCharsets.UTF_8);
        RunLog log = new RunLog();

        new ModelTypeDetector().detect(workspace, "train.py", log);

        assertThat(log.getInfoMessages()).filteredOn(line -> line.startsWith("Could not read all code"))
                .singleElement().asString().contains("larger than");
    }

    /** Many problems in one file give one warning, saying how many more there were. */
    @Test
    void shouldWarnOncePerFile() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "import torch\n" + "x = $ ? `\n".repeat(500)
                + "torch.nn.Linear(2, 2)\n");
        RunLog log = new RunLog();

        new ModelTypeDetector().detect(workspace, "train.py", log);

        assertThat(log.getInfoMessages()).filteredOn(line -> line.startsWith("Could not read all code"))
                .singleElement().asString().contains("more");
    }
}
