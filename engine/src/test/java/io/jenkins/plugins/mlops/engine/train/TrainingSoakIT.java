package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of issue 13: 50 trainings, each aborted (a thread interrupt, as Jenkins aborts) or timed out at a random
 * point — while the workspace is copied in, while the container starts, while the script runs — leave no container
 * and no volume behind. A watcher notes the volumes of this run's containers while they exist, so that the check at
 * the end can ask for exactly those (the daemon is shared; other volumes are not ours to judge).
 */
@RequiresDocker
class TrainingSoakIT {
    private static final int TRAININGS = 50;

    @TempDir
    private Path workspace;

    /** Every one of the 50 ends CANCELLED or TIMED_OUT, and nothing of this run remains on the daemon. */
    @Test
    void shouldLeaveNoContainerAndNoVolumeAfterFiftyAbortsAndTimeouts() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        // A few megabytes, so that some aborts land in the copy into the container.
        Files.write(workspace.resolve("data.bin"), new byte[4 << 20]);
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import time
                print("started", flush=True)
                time.sleep(30)
                """);
        Set<String> volumes = ConcurrentHashMap.newKeySet();
        List<String> outcomes = new ArrayList<>();
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment();
                DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30));
                VolumeWatcher watcher = new VolumeWatcher(docker, fixture.chainId, volumes)) {
            for (int i = 1; i <= TRAININGS; i++) {
                boolean abort = random.nextBoolean();
                Duration timeout = abort ? Duration.ofMinutes(5) : Duration.ofMillis(300 + random.nextInt(3000));
                TrainingRequest request = fixture.request(TrainingFixture.SKLEARN).trial(fixture.chainId, i)
                        .timeout(timeout).build();
                AtomicReference<Object> outcome = new AtomicReference<>();
                Thread training = new Thread(() -> {
                    try {
                        outcome.set(trainer.train(request, TrainingOutput.discard(), new RunLog()).state());
                    }
                    catch (RuntimeException e) {
                        outcome.set(e);
                    }
                }, "soak-" + i);
                training.start();
                if (abort) {
                    Thread.sleep(random.nextInt(3000));
                    training.interrupt();
                }
                training.join(Duration.ofMinutes(2).toMillis());
                assertThat(training.isAlive()).as("training %d (seed %d) still runs", i, seed).isFalse();
                outcomes.add(i + (abort ? " aborted: " : " timeout " + timeout.toMillis() + " ms: ") + outcome.get());
            }
        }

        assertThat(outcomes).as("seed %d", seed).allMatch(line -> line.endsWith(TrialState.CANCELLED.name())
                || line.endsWith(TrialState.TIMED_OUT.name()));
        assertThat(fixture.containers()).as("containers of run %s (seed %d)", fixture.chainId, seed).isEmpty();
        assertThat(volumes).as("volumes seen").isNotEmpty();
        assertThat(existing(volumes)).as("volumes left (seed %d)", seed).isEmpty();
    }

    private static List<String> existing(final Set<String> names) throws IOException {
        try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            List<String> all = docker.listVolumesCmd().exec().getVolumes().stream()
                    .map(InspectVolumeResponse::getName).toList();
            return names.stream().filter(all::contains).toList();
        }
    }

    /** Notes the volumes mounted by the containers of one run, every 50 ms, until closed. */
    private static final class VolumeWatcher implements AutoCloseable {
        private final Thread thread;

        VolumeWatcher(final DockerClient docker, final String chainId, final Set<String> volumes) {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        for (Container container : docker.listContainersCmd().withShowAll(true)
                                .withLabelFilter(Map.of(ContainerSpec.CHAIN_LABEL, chainId)).exec()) {
                            if (container.getMounts() != null) {
                                container.getMounts().stream().map(ContainerMount::getName)
                                        .filter(name -> name != null && !name.isEmpty()).forEach(volumes::add);
                            }
                        }
                        Thread.sleep(50);
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                    catch (RuntimeException e) {
                        // a container removed between list and read: the next round sees the rest
                    }
                }
            }, "soak-volume-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }
}
