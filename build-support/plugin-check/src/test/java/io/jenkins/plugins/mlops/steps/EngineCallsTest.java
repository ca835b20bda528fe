package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orders of the freestyle chain's last builders, run by {@link EngineCalls} as the agent runs them, against a real
 * bare repository: below target mlopsTweak pushes the tweak and says so, while mlopsNotify and mlopsPublish do nothing
 * and do not fail the build.
 */
class EngineCallsTest {
    private static final String SCRIPT = """
            from sklearn.neural_network import MLPClassifier
            model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=20)
            """;
    private static final EngineSettings SETTINGS = new EngineSettings("", false, "", Map.of(),
            OperatorPolicy.DEFAULT, EngineSettings.Sandbox.DEFAULT, "", false);

    @TempDir
    private Path dir;

    private final RunLog log = new RunLog();

    /** Below target: tweak, notify and publish run in turn; only the tweak acts, and its values say what it did. */
    @Test
    void shouldOnlyTweakBelowTarget() {
        Path workspace = fetchedAndChecked(0.3);

        StepOutcome tweak = EngineCalls.run(new StepOrder.Tweak("via-git", 5, GitCredentials.NONE), SETTINGS,
                workspace, log);
        StepOutcome mail = EngineCalls.run(new StepOrder.Notify("dev@example.com"), SETTINGS, workspace, log);
        StepOutcome model = EngineCalls.run(new StepOrder.Publish("", "mlops/models", GitCredentials.NONE), SETTINGS,
                workspace, log);

        assertThat(tweak.values()).containsEntry("tweaked", true)
                .containsEntry("change", "[max_iter] max_iter 20 -> 40")
                .containsEntry("commit", TrialTrailers.read(workspace).get(0).commit());
        assertThat(mail.isFailed()).isFalse();
        assertThat(model.isFailed()).isFalse();
        assertThat(model.state().step(Step.NOTIFY).orElseThrow().state()).isEqualTo(StepState.SKIPPED);
        assertThat(model.state().step(Step.PUBLISH).orElseThrow().state()).isEqualTo(StepState.SKIPPED);
        assertThat(workspace.resolve(".mlops/outbox")).doesNotExist();
    }

    /** At target mlopsTweak changes nothing and returns {@code tweaked: false} with the reason. */
    @Test
    void shouldNotTweakAtTarget() throws Exception {
        Path workspace = fetchedAndChecked(0.95);

        StepOutcome tweak = EngineCalls.run(new StepOrder.Tweak("via-git", 5, GitCredentials.NONE), SETTINGS,
                workspace, log);

        assertThat(tweak.values()).containsEntry("tweaked", false).containsEntry("reason", "the gate passed")
                .containsEntry("commit", null);
        assertThat(Files.readString(workspace.resolve("train.py"))).isEqualTo(SCRIPT);
        assertThat(TrialTrailers.read(workspace)).isEmpty();
    }

    /**
     * With an SMTP server configured, the notify step renders the mail on the agent and hands it to the controller
     * (which sends it); the log says who sends it, and nothing of the SMTP login is involved.
     */
    @Test
    void shouldRenderTheMailForTheController() {
        Path workspace = fetchedAndChecked(0.95);
        EngineSettings controllerMail = new EngineSettings("", false, "", Map.of(), OperatorPolicy.DEFAULT,
                EngineSettings.Sandbox.DEFAULT, "jenkins@example.com", true);

        StepOutcome mail = EngineCalls.run(new StepOrder.Notify("dev@example.com")
                .linkedTo("https://ci.example/job/m/7/mlops/"), controllerMail, workspace, log);

        assertThat(mail.outbox()).hasSize(1);
        String eml = new String(mail.outbox().values().iterator().next(), StandardCharsets.UTF_8);
        assertThat(eml).contains("To: dev@example.com", "From: jenkins@example.com", "Subject: [mlops] PASSED",
                "report: https://ci.example/job/m/7/mlops/");
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line)
                .contains("the Jenkins controller sends the mail"));
    }

    /** Without an SMTP server the mail stays in the outbox and the log names the Jenkins setting, not a variable. */
    @Test
    void shouldNameTheJenkinsSettingWithoutAServer() {
        Path workspace = fetchedAndChecked(0.95);

        StepOutcome mail = EngineCalls.run(new StepOrder.Notify("dev@example.com"), SETTINGS, workspace, log);

        assertThat(mail.outbox()).isEmpty();
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line)
                .contains("no SMTP server configured (Manage Jenkins > System > MLOps > SMTP server)")
                .doesNotContain("MLOPS_SMTP_HOST"));
    }

    private Path fetchedAndChecked(final double metric) {
        String url = LocalRepositories.createBare(dir.resolve("model.git"), "main",
                Map.of("train.py", SCRIPT.getBytes(StandardCharsets.UTF_8)), "weak model", "Dana", "dana@example.com");
        Path workspace = dir.resolve("ws");
        EngineCalls.run(new StepOrder.Fetch(url, "main", GitCredentials.NONE), SETTINGS, workspace, log);
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.load().orElseThrow().withDetection(new Detection("train.py",
                new ModelType(Framework.SKLEARN, Architecture.ANN), "mlops/sklearn:0.1", 0.9, false, List.of()));
        Verdict verdict = metric >= 0.9 ? Verdict.PASSED : Verdict.BELOW_TARGET;
        store.save(state.withTrial(TrialRecord.running(1, Map.of(), null, "baseline", state.sourceCommit(), null)
                .finish(TrialState.COMPLETE, metric, 1_000, null, null)).withGate(new GateResult(verdict, "accuracy",
                        metric, 0.9, Direction.MAXIMIZE, "accuracy " + metric + " against 0.90")));
        return workspace;
    }
}
