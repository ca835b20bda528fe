package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request's defaults and the settings it refuses. */
class TrainingRequestTest {
    private static final Path WORKSPACE = Path.of("ws");

    /** The defaults are python3 + entry, 2 h, 4 GiB, no network, no GPU, /data, model globs and metric files. */
    @Test
    void shouldDefaultSafely() {
        TrainingRequest request = TrainingRequest.builder(WORKSPACE, "img", "train.py").build();

        assertThat(request.command()).containsExactly("python3", "train.py");
        assertThat(request.timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(request.limits().memoryBytes()).isEqualTo(4L << 30);
        assertThat(request.limits().cpus()).isZero();
        assertThat(request.network()).isEqualTo("none");
        assertThat(request.gpus()).isFalse();
        assertThat(request.bindMount()).isFalse();
        assertThat(request.datasetMount()).isEqualTo("/data");
        assertThat(request.artifacts()).contains("*.h5", "*.keras", "*.pt", "*.joblib", "*.pkl");
        assertThat(request.metricFiles()).containsExactly("metrics.json", "accuracy.txt");
    }

    /** Unknown networks, missing image or command, non-positive timeouts and tiny memory are input errors. */
    @Test
    void shouldRefuseSettingsThatCannotWork() {
        assertInputError(() -> TrainingRequest.builder(WORKSPACE, "img", "t.py").network("host").build(), "host");
        assertInputError(() -> TrainingRequest.builder(WORKSPACE, " ", "t.py").build(), "image");
        assertInputError(() -> TrainingRequest.builder(WORKSPACE, "img", null).build(), "--entry");
        assertInputError(() -> TrainingRequest.builder(WORKSPACE, "img", "t.py").timeout(Duration.ZERO).build(),
                "timeout");
        assertInputError(() -> TrainingRequest.builder(WORKSPACE, "img", "t.py")
                .limits(TrainingRequest.Limits.DEFAULT.withMemoryBytes(1024)).build(), "6 MiB");
        assertInputError(() -> TrainingRequest.builder(WORKSPACE, "img", "t.py").dataset("/d", "data").build(),
                "absolute");
    }

    /** A command replaces python3 + entry. */
    @Test
    void shouldTakeACommand() {
        assertThat(TrainingRequest.builder(WORKSPACE, "img", "t.py").command(List.of("make", "train")).build()
                .command()).containsExactly("make", "train");
    }

    private static void assertInputError(final org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            final String mention) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MlopsException.class,
                e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT)).hasMessageContaining(mention);
    }
}
