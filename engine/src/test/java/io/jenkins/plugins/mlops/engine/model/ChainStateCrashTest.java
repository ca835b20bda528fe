package io.jenkins.plugins.mlops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed while it writes run.json over and over leaves a readable, complete file. */
class ChainStateCrashTest {
    @TempDir
    Path workspace;

    /** Kill -9 mid-write: the file is one of the complete states written, never half of one. */
    @Test
    void shouldLeaveACompleteFileWhenTheWriterIsKilled() throws IOException, InterruptedException {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChainStateWriterMain.class.getName(),
                workspace.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(writer.getInputStream().read()).as("the writer signals its first save").isEqualTo('w');
            TimeUnit.MILLISECONDS.sleep(300);
        }
        finally {
            writer.destroyForcibly().waitFor();
        }

        ChainState survived = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(survived.trials()).isNotEmpty();
        assertThat(survived.trials().get(survived.trials().size() - 1).number()).isEqualTo(survived.trials().size());
    }
}
