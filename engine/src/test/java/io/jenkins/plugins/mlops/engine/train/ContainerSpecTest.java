package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MountType;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container settings: safe defaults, opt-ins, the user, parameters and labels. */
class ContainerSpecTest {
    private static final TrainerImage IMAGE = new TrainerImage("img", "sha256:1", List.of(), "1000:1000",
            List.of("HOME=/home/x"));

    @TempDir
    private Path workspace;

    /** By default: no network, swap off, no capabilities, no privilege gain, read-only root, tmpfs /tmp. */
    @Test
    void shouldApplySafeDefaults() {
        ContainerSpec spec = new ContainerSpec(TrainingRequest.builder(workspace, "img", "train.py").build(), IMAGE);

        HostConfig host = spec.hostConfig();

        assertThat(host.getNetworkMode()).isEqualTo("none");
        assertThat(spec.networkDisabled()).isTrue();
        assertThat(host.getMemory()).isEqualTo(4L << 30);
        assertThat(host.getMemorySwap()).isEqualTo(host.getMemory());
        assertThat(host.getNanoCPUs()).isNull();
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs()).containsKey("/tmp");
        assertThat(host.getPidsLimit()).isPositive();
        assertThat(host.getDeviceRequests()).isNull();
        assertThat(spec.volumes()).hasSize(1);
    }

    /** Opt-ins: bridge network, CPU limit, GPUs, a dataset volume, a bind-mounted workspace. */
    @Test
    void shouldApplyOptIns() {
        TrainingRequest request = TrainingRequest.builder(workspace, "img", "train.py").network("bridge")
                .limits(TrainingRequest.Limits.DEFAULT.withCpus(1.5)).gpus(true).dataset("imagenet", "/datasets")
                .bindMount(true).build();

        ContainerSpec spec = new ContainerSpec(request, IMAGE);
        HostConfig host = spec.hostConfig();

        assertThat(host.getNetworkMode()).isEqualTo("bridge");
        assertThat(spec.networkDisabled()).isFalse();
        assertThat(host.getNanoCPUs()).isEqualTo(1_500_000_000L);
        assertThat(host.getDeviceRequests()).singleElement()
                .satisfies(device -> assertThat(device.getCapabilities()).containsExactly(List.of("gpu")));
        assertThat(host.getMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getType()).isEqualTo(MountType.VOLUME);
            assertThat(mount.getSource()).isEqualTo("imagenet");
            assertThat(mount.getTarget()).isEqualTo("/datasets");
            assertThat(mount.getReadOnly()).isTrue();
        });
        assertThat(host.getBinds()).hasSize(1);
        assertThat(spec.volumes()).isEmpty();
    }

    /** Root (named, numeric or unset) is replaced by 1000:1000; another user is kept. */
    @Test
    void shouldNeverRunAsRoot() {
        assertThat(userFor("")).isEqualTo("1000:1000");
        assertThat(userFor("root")).isEqualTo("1000:1000");
        assertThat(userFor("0:0")).isEqualTo("1000:1000");
        assertThat(userFor("trainer")).isEqualTo("trainer");
        assertThat(userFor("1234")).isEqualTo("1234");
    }

    /** Numeric users give the tar's ids (gid defaults to the uid); named users are looked up in the image. */
    @Test
    void shouldDeriveNumericIds() {
        assertThat(ContainerSpec.numericIds(specFor("1234").user())).containsExactly(1234, 1234);
        assertThat(ContainerSpec.numericIds(specFor("").user())).containsExactly(1000, 1000);
        assertThat(ContainerSpec.numericIds(specFor("trainer").user())).isNull();
    }

    /** Parameters, run and trial go into the environment; HOME only when the image sets none; labels. */
    @Test
    void shouldPassParamsAndLabels() {
        TrainingRequest request = TrainingRequest.builder(workspace, "img", "train.py")
                .params(Map.of("lr", 0.1)).trial("run-7", 3).build();

        ContainerSpec withHome = new ContainerSpec(request, IMAGE);
        ContainerSpec withoutHome = new ContainerSpec(request, new TrainerImage("img", "sha256:1", null, null, null));

        assertThat(withHome.env()).contains("MLOPS_PARAMS={\"lr\":0.1}", "MLOPS_TRIAL=3", "MLOPS_RUN_ID=run-7")
                .noneMatch(entry -> entry.startsWith("HOME="));
        assertThat(withoutHome.env()).contains("HOME=/tmp");
        assertThat(withHome.labels()).containsEntry(ContainerSpec.CHAIN_LABEL, "run-7")
                .containsEntry(ContainerSpec.TRIAL_LABEL, "3");
    }

    /** A dataset folder that does not exist is an input error; a volume name is left to the daemon. */
    @Test
    void shouldCheckTheDatasetFolder() {
        TrainingRequest missing = TrainingRequest.builder(workspace, "img", "train.py")
                .dataset(workspace.resolve("nope").toString(), "/data").build();
        TrainingRequest present = TrainingRequest.builder(workspace, "img", "train.py")
                .dataset(workspace.toString(), "/data").build();

        assertThatThrownBy(() -> ContainerSpec.checkDataset(missing)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("does not exist");
        ContainerSpec.checkDataset(present);
        assertThat(new ContainerSpec(present, IMAGE).hostConfig().getMounts()).singleElement()
                .satisfies(mount -> assertThat(mount.getType()).isEqualTo(MountType.BIND));
    }

    private String userFor(final String imageUser) {
        return specFor(imageUser).user();
    }

    private ContainerSpec specFor(final String imageUser) {
        return new ContainerSpec(TrainingRequest.builder(workspace, "img", "train.py").build(),
                new TrainerImage("img", "sha256:1", List.of(), imageUser, List.of()));
    }
}
