package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.config.MailServer;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.PublishedModel;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What really crosses the agent channel, serialised the way remoting does it: every engine class in the stream is
 * listed in the ClassFilter, and the values come back equal.
 */
class ChannelSerializationTest {
    /** A full order to the agent serialises; the engine classes it holds are all in the ClassFilter. */
    @Test
    void shouldSendAFullOrderToTheAgent() throws Exception {
        GitCredentials git = GitCredentials.userPassword("bot", "s3cret");
        StepOrder.Loop loop = new StepOrder.Loop(new StepOrder.Fetch("https://git.example.com/m.git", "main", git),
                new StepOrder.Train("", 60), new StepOrder.Check("accuracy", 0.9),
                new StepOrder.Tweak("in-build", 5, git), new StepOrder.Notify("dev@example.com"),
                new StepOrder.Publish("", "mlops/models", git));
        Set<String> classes = engineClassesIn(new AgentCall(loop, settings(), new QuietListener()));

        assertThat(classes).isNotEmpty().isSubsetOf(classFilter());
    }

    /**
     * SSH credentials cross whole: the private key travels as text (a key file name would mean nothing on the
     * agent), and neither key nor passphrase shows in the order's text.
     */
    @Test
    void shouldSendSshCredentialsToTheAgent() throws Exception {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n";
        GitCredentials ssh = GitCredentials.sshKey(key, "pass phrase");
        StepOrder.Fetch fetch = new StepOrder.Fetch("ssh://git@git.example.com/m.git", "main", ssh);

        Object back = roundTrip(fetch);

        assertThat(back).isEqualTo(fetch);
        assertThat(((StepOrder.Fetch) back).credentials().privateKey()).isEqualTo(key);
        assertThat(((StepOrder.Fetch) back).credentials().passphrase()).isEqualTo("pass phrase");
        assertThat(engineClassesIn(new AgentCall(fetch, settings(), new QuietListener()))).isSubsetOf(classFilter());
        assertThat(fetch.toString()).doesNotContain("OPENSSH", "pass phrase");
    }

    /** A full chain state coming back serialises, holds only filtered engine classes and arrives unchanged. */
    @Test
    void shouldBringAFullChainStateBack() throws Exception {
        StepOutcome outcome = StepOutcome.done(fullState());

        assertThat(engineClassesIn(outcome)).contains(ChainState.class.getName(), TrialRecord.class.getName())
                .isSubsetOf(classFilter());
        assertThat(roundTrip(outcome)).isEqualTo(outcome);
    }

    /** What mlopsTweak reports beyond the chain state comes back as plain values, equal. */
    @Test
    void shouldBringTheTweakValuesBack() throws Exception {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("tweaked", true);
        values.put("change", "[max_iter] max_iter 20 -> 40");
        values.put("params", new LinkedHashMap<>(Map.of("lr", 0.01)));
        values.put("commit", null);
        StepOutcome outcome = StepOutcome.done(fullState(), values);

        assertThat(engineClassesIn(outcome)).isSubsetOf(classFilter());
        assertThat(roundTrip(outcome)).isEqualTo(outcome);
    }

    /**
     * The controller's word on the mails it sent goes back to the agent, for the workspace's run.json: a chain state
     * of filtered engine classes, and nothing of the SMTP server.
     */
    @Test
    void shouldSendTheMailDeliveryToTheAgent() throws Exception {
        OutboxCleanup cleanup = new OutboxCleanup(new EngineCalls.Delivery(List.of("run-1.eml"), fullState()));

        assertThat(engineClassesIn(cleanup)).contains(ChainState.class.getName()).isSubsetOf(classFilter());
    }

    /** A failure message comes back as it is. */
    @Test
    void shouldBringAFailureBack() throws Exception {
        StepOutcome failed = StepOutcome.failed("Docker is not reachable; start dockerd or set the Docker host.");

        assertThat(roundTrip(failed)).isEqualTo(failed);
        assertThat(failed.isFailed()).isTrue();
    }

    /**
     * Nothing of the SMTP login travels to an agent: the settings for the agent have no place for it (they used to
     * carry the password with every mail step, so any job on an agent could read it), and the server with its
     * login cannot be serialised at all.
     */
    @Test
    void shouldKeepTheSmtpLoginOnTheController() {
        assertThat(java.util.Arrays.stream(EngineSettings.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName))
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).matches(".*(password|user|smtp).*"));
        assertThat(java.io.Serializable.class.isAssignableFrom(MailServer.class)).isFalse();
        assertThat(new MailServer("smtp", 587, "starttls", "mailer", "hunter2").toString()).doesNotContain("hunter2");
    }

    private static EngineSettings settings() {
        return new EngineSettings("", false, "", Map.of(), OperatorPolicy.builder()
                .trainerImages(Map.of(Framework.KERAS, "mlops/keras:0.1")).build(),
                new EngineSettings.Sandbox(false, 512L << 20, null), "jenkins@example.com", true);
    }

    private static ChainState fullState() {
        Detection detection = new Detection("train.py", new ModelType(Framework.SKLEARN,
                Architecture.LOGISTIC_REGRESSION), "mlops/sklearn:0.1", 0.93, false,
                List.of(new Detection.Evidence("train.py", 2, "sklearn.linear_model.LogisticRegression")));
        TrialRecord trial = TrialRecord.running(1, Map.of("C", 1.0, "max_iter", 200), null, "baseline", "abc123",
                "2026-11-26T19:00:00Z").finish(TrialState.COMPLETE, 0.95, 12_000, "sha256:00", null);
        return new ChainState(ChainState.SCHEMA, "run-1", "abc123", Mode.IN_BUILD, Objective.DEFAULT, detection,
                List.of(trial), new GateResult(Verdict.PASSED, "accuracy", 0.95, 0.9, Direction.MAXIMIZE, "0.95 ≥ 0.90"),
                new PublishedModel("https://git.example.com/m.git", "mlops/models", "def456", "model-1"),
                List.of(new StepRecord(StepRecord.Step.TRAIN, StepRecord.StepState.SUCCESS, "2026-11-26T19:00:00Z",
                        12_000, 1, "0.95")), List.of("a warning"));
    }

    private static Set<String> engineClassesIn(final Object value) throws IOException {
        Set<String> classes = new TreeSet<>();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
            @Override
            protected void annotateClass(final Class<?> type) {
                if (type.getName().startsWith("io.jenkins.plugins.mlops.engine.")) {
                    classes.add(type.getName());
                }
            }
        }) {
            out.writeObject(value);
        }
        return classes;
    }

    private static Object roundTrip(final Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(final ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, ChannelSerializationTest.class.getClassLoader());
            }
        }) {
            return in.readObject();
        }
    }

    private static Set<String> classFilter() throws IOException {
        String resources = System.getProperty("plugin.resources", "../../plugin/src/main/resources");
        try (InputStream in = Files.newInputStream(Path.of(resources,
                "META-INF/hudson.remoting.ClassFilter"))) {
            return Set.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    /** The build log's stand-in: remoting sends the real one as a remote stream. */
    private static final class QuietListener implements TaskListener {
        private static final long serialVersionUID = 1L;

        @Override
        public PrintStream getLogger() {
            return new PrintStream(OutputStream.nullOutputStream());
        }
    }
}
