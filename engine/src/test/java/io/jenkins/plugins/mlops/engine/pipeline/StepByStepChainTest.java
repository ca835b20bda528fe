package io.jenkins.plugins.mlops.engine.pipeline;

import static io.jenkins.plugins.mlops.engine.pipeline.CheckedWorkspace.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.notify.MailSettings;
import io.jenkins.plugins.mlops.engine.notify.NotifyResult;
import io.jenkins.plugins.mlops.engine.publish.PublishResult;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last builders of the freestyle chain (tweak, notify, publish), which all run in every build: below target only
 * the tweak acts; at target only notify and publish do. The mail goes to the outbox (no SMTP server configured), the
 * tweak and the model to a real bare repository.
 */
class StepByStepChainTest {
    private static final String MODELS = "refs/heads/mlops/models";

    @TempDir
    private Path dir;

    private Path remote;
    private String url;

    @BeforeEach
    void createRemote() throws Exception {
        remote = GitRepositories.createWithFiles(dir, "model.git", Map.of("train.py", SCRIPT));
        url = GitRepositories.url(remote);
    }

    /** Below target the tweak is pushed; nobody is mailed and nothing is published, and run.json says why. */
    @Test
    void shouldOnlyTweakBelowTarget() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, GitCredentials.NONE, dir.resolve("ws")).checked(0.3);

        Tweaking.Result tweak = workspace.tweak("via-git", 5, GitCredentials.NONE);
        Optional<NotifyResult> mail = notifyStep(workspace);
        Optional<PublishResult> model = publishStep(workspace);

        assertThat(tweak.made()).isTrue();
        assertThat(mail).isEmpty();
        assertThat(model).isEmpty();
        assertThat(outbox(workspace)).isZero();
        assertThat(GitRepositories.head(remote, MODELS)).isNull();
        ChainState state = workspace.state();
        assertThat(state.step(Step.NOTIFY).orElseThrow().state()).isEqualTo(StepState.SKIPPED);
        assertThat(state.step(Step.PUBLISH).orElseThrow().state()).isEqualTo(StepState.SKIPPED);
        assertThat(state.step(Step.PUBLISH).orElseThrow().summary()).isEqualTo("target not met");
        assertThat(workspace.logLines()).anyMatch(line -> line.startsWith("Not mailing: the gate did not pass "
                + "(BELOW_TARGET: accuracy 0.3 < target 0.90)"))
                .anyMatch(line -> line.startsWith("Not publishing: the gate did not pass"));
    }

    /** At target the tweak does nothing; the developers are mailed and the model is published. */
    @Test
    void shouldNotifyAndPublishOnlyAtTarget() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, GitCredentials.NONE, dir.resolve("ws")).checked(0.95);
        String trained = GitRepositories.head(remote, "main");

        Tweaking.Result tweak = workspace.tweak("via-git", 5, GitCredentials.NONE);
        Optional<NotifyResult> mail = notifyStep(workspace);
        Optional<PublishResult> model = publishStep(workspace);

        assertThat(tweak.made()).isFalse();
        assertThat(GitRepositories.head(remote, "main")).isEqualTo(trained);
        assertThat(mail).get().extracting(NotifyResult::outcome).isEqualTo(NotifyResult.Outcome.WRITTEN_TO_OUTBOX);
        assertThat(outbox(workspace)).isEqualTo(1);
        assertThat(model).get().extracting(r -> r.published().commit())
                .isEqualTo(GitRepositories.head(remote, MODELS));
        ChainState state = workspace.state();
        assertThat(state.step(Step.TWEAK)).isEmpty();
        assertThat(state.step(Step.PUBLISH).orElseThrow().state()).isEqualTo(StepState.SUCCESS);
    }

    /** A notify step before any check mails nobody: there is no result to report yet. */
    @Test
    void shouldNotMailBeforeACheck() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, GitCredentials.NONE, dir.resolve("ws"));

        assertThat(notifyStep(workspace)).isEmpty();
        assertThat(outbox(workspace)).isZero();
        assertThat(workspace.logLines()).anyMatch(line -> line.startsWith(
                "Not mailing: the model has not been checked yet (no gate verdict)"));
    }

    private static Optional<NotifyResult> notifyStep(final CheckedWorkspace workspace) {
        MlopsConfig config = ConfigLoader.load(workspace.path(), null,
                Overrides.builder().recipients("dev@example.com").build(), OperatorPolicy.DEFAULT);
        MailSettings settings = Notifying.settings(workspace.path(), config, Map.of()).orElseThrow();
        return new Notifying(new DeveloperNotifier()).notifyIfPassed(workspace.path(), settings, null, null,
                workspace.log());
    }

    private static Optional<PublishResult> publishStep(final CheckedWorkspace workspace) {
        return new Publishing().publishIfPassed(workspace.path(), ConfigLoader.load(workspace.path()),
                Publishing.Target.CONFIGURED, GitCredentials.NONE, workspace.log());
    }

    private static long outbox(final CheckedWorkspace workspace) throws IOException {
        Path outbox = workspace.path().resolve(ChainStateStore.STATE_DIR).resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> mails = Files.list(outbox)) {
            return mails.count();
        }
    }
}
