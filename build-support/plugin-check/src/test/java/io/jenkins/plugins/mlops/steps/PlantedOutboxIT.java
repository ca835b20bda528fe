package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.config.MailServer;
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
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack: a pushed repository commits {@code .mlops/outbox/*.eml}. The controller sends mail with the operator's
 * SMTP login, so it must send only the mail the step rendered, never a file it found in the workspace: otherwise
 * Jenkins' mail account relays whatever the repository writes, to whoever it names, past the recipients policy.
 */
class PlantedOutboxIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final EngineSettings AGENT = new EngineSettings("", false, "", Map.of(), OperatorPolicy.DEFAULT,
            EngineSettings.Sandbox.DEFAULT, "jenkins@example.com", true);

    @TempDir
    private Path workspace;

    private final RunLog log = new RunLog();

    /** A passed run: the step's own mail goes to the step's recipient, the planted one goes nowhere. */
    @Test
    void shouldSendOnlyTheMailTheStepRendered() throws Exception {
        Path planted = plant();
        checked(Verdict.PASSED);

        StepOutcome rendered = EngineCalls.run(new StepOrder.Notify("dev@example.com"), AGENT, workspace, log);
        EngineCalls.Delivery delivery = EngineCalls.deliver(server(), rendered.state(), rendered.outbox(), log);

        assertThat(rendered.outbox().keySet()).hasSize(1).doesNotContain("0-planted.eml");
        assertThat(delivery.sent()).doesNotContain("0-planted.eml").hasSize(1);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(recipients()).containsExactly("dev@example.com");
        assertThat(planted).exists();
    }

    /** A failed gate renders no mail: nothing at all is shipped to the controller, whatever the outbox holds. */
    @Test
    void shouldShipNothingWhenTheGateFailed() throws Exception {
        plant();
        checked(Verdict.BELOW_TARGET);

        StepOutcome rendered = EngineCalls.run(new StepOrder.Notify("dev@example.com"), AGENT, workspace, log);
        EngineCalls.Delivery delivery = EngineCalls.deliver(server(), rendered.state(), rendered.outbox(), log);

        assertThat(rendered.outbox().keySet()).isEmpty();
        assertThat(delivery.sent()).isEmpty();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    /** mlopsLoop mails even below target: still only the chain's own mail goes to the controller. */
    @Test
    void shouldShipOnlyTheLoopsOwnMail() throws Exception {
        String url = LocalRepositories.createBare(workspace.resolve("model.git"), "main",
                Map.of("train.py", ("from sklearn.linear_model import LogisticRegression\n"
                        + "LogisticRegression().fit([[0], [1]], [0, 1])\n"
                        + "open('accuracy.txt', 'w').write('0.5\\n')\n").getBytes(StandardCharsets.UTF_8)),
                "model", "Dana", "dana@example.com");
        Path checkout = workspace.resolve("ws");
        Path planted = plant(checkout);
        StepOrder.Loop loop = new StepOrder.Loop(new StepOrder.Fetch(url, "main", GitCredentials.NONE),
                new StepOrder.Train("", 5), new StepOrder.Check("accuracy", 0.9),
                new StepOrder.Tweak("in-build", 1, GitCredentials.NONE), new StepOrder.Notify("dev@example.com"),
                new StepOrder.Publish("", "mlops/models", GitCredentials.NONE))
                .linkedTo("https://ci.example/job/m/7/mlops/");

        StepOutcome rendered = EngineCalls.run(loop, AGENT, checkout, log);

        assertThat(rendered.isFailed()).as(rendered.failure()).isFalse();
        assertThat(rendered.outbox().keySet()).singleElement().satisfies(name -> assertThat(name).startsWith("mlops-"));
        assertThat(new String(rendered.outbox().values().iterator().next(), StandardCharsets.UTF_8))
                .contains("To: dev@example.com", "report: https://ci.example/job/m/7/mlops/")
                .doesNotContain("elsewhere.example");
        assertThat(planted).exists();
    }

    /** What a checkout of a repository that commits .mlops/outbox/0-planted.eml leaves in the workspace. */
    private Path plant() throws Exception {
        return plant(workspace);
    }

    private static Path plant(final Path checkout) throws Exception {
        Path planted = checkout.resolve(".mlops/outbox/0-planted.eml");
        Files.createDirectories(planted.getParent());
        Files.writeString(planted, "From: ci@victim.example\r\nTo: anyone@elsewhere.example\r\n"
                + "Subject: planted\r\n\r\nsent with the operator's SMTP login\r\n", StandardCharsets.UTF_8);
        return planted;
    }

    private void checked(final Verdict verdict) {
        double metric = verdict == Verdict.PASSED ? 0.95 : 0.5;
        new ChainStateStore(workspace).save(ChainState.start("run-1").withDetection(new Detection("train.py",
                new ModelType(Framework.SKLEARN, Architecture.ANN), "mlops/sklearn:0.1", 0.9, false, List.of()))
                .withGate(new GateResult(verdict, "accuracy", metric, 0.9, Direction.MAXIMIZE, "accuracy " + metric
                        + " against 0.90")));
    }

    private static MailServer server() {
        return new MailServer("127.0.0.1", SMTP.getSmtp().getPort(), "none", null, null);
    }

    private static List<String> recipients() throws Exception {
        return Arrays.stream(SMTP.getReceivedMessages()).flatMap(PlantedOutboxIT::addresses).toList();
    }

    private static java.util.stream.Stream<String> addresses(final MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(address -> ((InternetAddress) address).getAddress());
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
