package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import hudson.AbortException;
import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.config.MailServer;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail under Jenkins is rendered on the agent (into the workspace's outbox) and sent by the controller. The run
 * state, in the workspace's run.json and on the build's MLOps page, used to keep saying "in outbox" for a mail the
 * controller had sent; a mail the server refused was written again into the controller's working folder, and the
 * warning named the CLI's MLOPS_SMTP_* variables instead of the Jenkins settings.
 */
class ControllerMailIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final EngineSettings AGENT = new EngineSettings("", false, "", Map.of(), OperatorPolicy.DEFAULT,
            EngineSettings.Sandbox.DEFAULT, "jenkins@example.com", true);

    @TempDir
    private Path workspace;

    private final RunLog log = new RunLog();

    /** Sent by the controller: the notify step says "mailed", in the state returned and in the workspace. */
    @Test
    void shouldRecordTheMailTheControllerSent() throws Exception {
        StepOutcome rendered = renderedMail();
        MailServer server = new MailServer("127.0.0.1", SMTP.getSmtp().getPort(), "none", null, null);

        EngineCalls.Delivery delivery = EngineCalls.deliver(server, rendered.state(), rendered.outbox(), log);
        new OutboxCleanup(delivery).invoke(workspace.toFile(), null);

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(delivery.sent()).containsExactlyElementsOf(rendered.outbox().keySet());
        StepRecord notify = delivery.state().step(Step.NOTIFY).orElseThrow();
        assertThat(notify.state()).isEqualTo(StepState.SUCCESS);
        assertThat(notify.summary()).isEqualTo("mailed 1");
        assertThat(notify.startedAt()).isEqualTo(rendered.state().step(Step.NOTIFY).orElseThrow().startedAt());
        assertThat(new ChainStateStore(workspace).load().orElseThrow().step(Step.NOTIFY).orElseThrow().summary())
                .isEqualTo("mailed 1");
        assertThat(workspace.resolve(".mlops/outbox")).isEmptyDirectory();
    }

    /**
     * Refused by the server: the notify step is a warning that says the mail stays in the agent's outbox, where it
     * still is, and the controller writes no copy into its own working folder.
     */
    @Test
    void shouldKeepAnUnsentMailOnlyInTheAgentsOutbox() throws Exception {
        StepOutcome rendered = renderedMail();
        Path controllerFolder = Path.of("").toAbsolutePath().resolve(ChainStateStore.STATE_DIR);
        boolean existedBefore = Files.exists(controllerFolder);
        MailServer down = new MailServer("127.0.0.1", closedPort(), "none", null, null);

        EngineCalls.Delivery delivery = EngineCalls.deliver(down, rendered.state(), rendered.outbox(), log);
        new OutboxCleanup(delivery).invoke(workspace.toFile(), null);

        assertThat(delivery.sent()).isEmpty();
        ChainState saved = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(saved.step(Step.NOTIFY).orElseThrow().state()).isEqualTo(StepState.UNSTABLE);
        assertThat(saved.warnings()).singleElement().asString()
                .contains("mail not sent", "stays in the outbox it was rendered into",
                        "check the SMTP server and port of Manage Jenkins > System > MLOps")
                .doesNotContain("MLOPS_SMTP");
        try (var mails = Files.list(workspace.resolve(".mlops/outbox"))) {
            assertThat(mails.map(path -> path.getFileName().toString()).toList())
                    .containsExactlyElementsOf(rendered.outbox().keySet());
        }
        if (!existedBefore) {
            assertThat(controllerFolder).doesNotExist();
        }
    }

    /**
     * SMTP credentials gone from Jenkins: the lookup's AbortException used to fail the step before the gate's verdict
     * was applied. Now the mail is recorded as not sent, the warning names the Jenkins setting, the verdict stays.
     */
    @Test
    void shouldKeepTheVerdictWhenTheSmtpCredentialsAreGone() throws Exception {
        StepOutcome rendered = renderedMail();
        String gone = "The SMTP credentials 'smtp-login' of Manage Jenkins > System > MLOps do not exist";

        EngineCalls.Delivery delivery = StepRunner.send(() -> {
            throw new AbortException(gone);
        }, rendered, log);
        new OutboxCleanup(delivery).invoke(workspace.toFile(), null);

        assertThat(delivery.sent()).isEmpty();
        assertThat(delivery.state().gate()).isEqualTo(rendered.state().gate());
        assertThat(StepRunner.consequence(delivery.state().gate())).isEqualTo(StepRunner.Consequence.PASS);
        ChainState saved = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(saved.step(Step.NOTIFY).orElseThrow().state()).isEqualTo(StepState.UNSTABLE);
        assertThat(saved.warnings()).singleElement().asString().contains("mail not sent", gone,
                "stays in the outbox");
        assertThat(log.getErrorMessages()).anySatisfy(line -> assertThat(line).contains("WARNING", gone));
        try (var mails = Files.list(workspace.resolve(".mlops/outbox"))) {
            assertThat(mails.map(path -> path.getFileName().toString()).toList())
                    .containsExactlyElementsOf(rendered.outbox().keySet());
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    /** The agent's half: a passed run in the workspace, mailed through the controller. */
    private StepOutcome renderedMail() {
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = ChainState.start("run-1").withDetection(new Detection("train.py",
                new ModelType(Framework.SKLEARN, Architecture.ANN), "mlops/sklearn:0.1", 0.9, false, List.of()));
        store.save(state.withTrial(TrialRecord.running(1, Map.of(), null, "baseline", null, null)
                .finish(TrialState.COMPLETE, 0.95, 1_000, null, null)).withGate(new GateResult(Verdict.PASSED,
                        "accuracy", 0.95, 0.9, Direction.MAXIMIZE, "accuracy 0.95 against 0.90")));
        StepOutcome rendered = EngineCalls.run(new StepOrder.Notify("dev@example.com"), AGENT, workspace, log);
        assertThat(rendered.outbox()).hasSize(1);
        assertThat(rendered.state().step(Step.NOTIFY).orElseThrow().summary()).isEqualTo("in outbox");
        return rendered;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
