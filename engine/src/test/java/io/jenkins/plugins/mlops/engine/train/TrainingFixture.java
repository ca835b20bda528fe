package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Workspaces with a training script, a unique chain id, and a look at the daemon's containers of that run. */
final class TrainingFixture {
    static final String SKLEARN = "mlops/sklearn:0.1";
    static final String PYTORCH = "mlops/pytorch:0.1";

    final Path workspace;
    final String chainId = "it-" + UUID.randomUUID();
    final List<String> stdout = new ArrayList<>();
    final List<String> stderr = new ArrayList<>();

    TrainingFixture(final Path workspace) {
        this.workspace = workspace;
    }

    /** Writes {@code train.py} with {@code code}. */
    TrainingFixture script(final String code) throws IOException {
        Files.writeString(workspace.resolve("train.py"), code);
        return this;
    }

    TrainingRequest.Builder request(final String image) {
        return TrainingRequest.builder(workspace, image, "train.py").trial(chainId, 1).timeout(Duration.ofMinutes(5));
    }

    /** An output that keeps every line. */
    TrainingOutput output() {
        return new TrainingOutput() {
            @Override
            public synchronized void stdout(final String line) {
                stdout.add(line);
            }

            @Override
            public synchronized void stderr(final String line) {
                stderr.add(line);
            }
        };
    }

    /** The containers of this run, in any state. */
    List<Container> containers() {
        try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            return docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ContainerSpec.CHAIN_LABEL, chainId)).exec();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
