package io.jenkins.plugins.mlops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain state file: round trip, crash safety and clear errors for corrupt files. */
class ChainStateStoreTest {
    @TempDir
    Path workspace;

    /** Everything written is read back equal. */
    @Test
    void shouldRoundTripAFullState() {
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = ChainStateFixtures.fullState();

        store.save(state);

        assertThat(store.load()).contains(state);
        assertThat(store.file()).isEqualTo(workspace.resolve(".mlops/run.json"));
    }

    /**
     * A run.json the previous version wrote (checked in as it was written by a demo run) is read: its {@code study}
     * key is the objective now, and it is written back under the new key; its {@code runId} is the chain id and stays
     * {@code runId} in the file, so that the previous version reads it back and sweeps its labels.
     */
    @Test
    void shouldReadTheRunJsonOfThePreviousVersion() throws IOException {
        Path file = workspace.resolve(".mlops/run.json");
        Files.createDirectories(file.getParent());
        try (var previous = ChainStateStoreTest.class.getResourceAsStream("run-previous-version.json")) {
            Files.write(file, previous.readAllBytes());
        }
        ChainStateStore store = new ChainStateStore(workspace);

        ChainState state = store.load().orElseThrow();

        assertThat(state.chainId()).isEqualTo("fa797903-4c25-4131-9fba-a1eb2e0478db");
        assertThat(state.objective()).isEqualTo(new Objective("accuracy", 0.9, Direction.MAXIMIZE));
        assertThat(state.mode()).isEqualTo(Mode.IN_BUILD);
        assertThat(state.detection().type().framework()).isEqualTo(Framework.SKLEARN);
        assertThat(state.trials()).hasSize(8);
        assertThat(state.trials().get(1).change()).isEqualTo("[max_iter] max_iter 20 -> 40");
        assertThat(state.trials().get(1).edit()).as("no edit record then, and the line is not read back").isNull();
        assertThat(state.best()).hasValueSatisfying(best -> assertThat(best.number()).isEqualTo(8));
        assertThat(state.gate().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(state.published().tag()).isEqualTo("model-8-accuracy-0.92");
        assertThat(state.steps()).hasSize(7);
        store.save(state);
        assertThat(Files.readString(file)).contains("\"objective\"").doesNotContain("\"study\"")
                .contains("\"runId\" : \"fa797903-4c25-4131-9fba-a1eb2e0478db\"").doesNotContain("chainId");
        assertThat(store.load()).contains(state);
    }

    /** A workspace without run.json has no state, and loadOrStart gives a fresh one with a chain id. */
    @Test
    void shouldStartFreshWhenThereIsNoFile() {
        ChainStateStore store = new ChainStateStore(workspace);

        assertThat(store.load()).isEmpty();
        ChainState fresh = store.loadOrStart();
        assertThat(fresh.chainId()).isNotBlank();
        assertThat(fresh.trials()).isEmpty();
        assertThat(fresh.objective()).isEqualTo(Objective.DEFAULT);
    }

    /** A temp file left by a crash mid-write does not disturb the last complete state. */
    @Test
    void shouldKeepTheLastCompleteStateWhenAWriteWasCutOff() throws IOException {
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = ChainStateFixtures.fullState();
        store.save(state);
        Path leftover = workspace.resolve(".mlops/.run.json.123.tmp");
        Files.writeString(leftover, "{\"schema\":1,\"runId\":\"half", StandardCharsets.UTF_8);

        assertThat(store.load()).contains(state);
        store.save(state.withMode(Mode.VIA_GIT));
        assertThat(store.load()).hasValueSatisfying(s -> assertThat(s.mode()).isEqualTo(Mode.VIA_GIT));
    }

    /** The state of a cancelled trial is saved while the thread's interrupt flag is still set. */
    @Test
    void shouldSaveWhileTheThreadIsInterrupted() {
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = ChainStateFixtures.fullState();
        Thread.currentThread().interrupt();
        try {
            store.save(state);
        }
        finally {
            assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
        }

        assertThat(store.load()).contains(state);
    }

    /** A corrupt file is an input error that names the file and the fix, not a stack trace. */
    @Test
    void shouldRejectACorruptFileClearly() throws IOException {
        Files.createDirectories(workspace.resolve(".mlops"));
        Files.writeString(workspace.resolve(".mlops/run.json"), "{\"schema\": 1, \"trials\": [ {\"number\": ");
        ChainStateStore store = new ChainStateStore(workspace);

        assertThatThrownBy(store::load)
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining(".mlops/run.json")
                .hasMessageContaining("corrupt")
                .hasMessageContaining("Delete it");
    }

    /** An empty file is corrupt too. */
    @Test
    void shouldRejectAnEmptyFile() throws IOException {
        Files.createDirectories(workspace.resolve(".mlops"));
        Files.writeString(workspace.resolve(".mlops/run.json"), "");

        assertThatThrownBy(new ChainStateStore(workspace)::load).isInstanceOf(MlopsException.class)
                .hasMessageContaining("corrupt");
    }

    /** A file from a newer layout is refused with advice rather than misread. */
    @Test
    void shouldRefuseANewerLayout() throws IOException {
        Files.createDirectories(workspace.resolve(".mlops"));
        Files.writeString(workspace.resolve(".mlops/run.json"), "{\"schema\": 99, \"runId\": \"x\"}");

        assertThatThrownBy(new ChainStateStore(workspace)::load).isInstanceOf(MlopsException.class)
                .hasMessageContaining("newer version");
    }

    /** Trials are replaced by number, kept in order, and the best one wins even when a later one is worse. */
    @Test
    void shouldKeepTheBestTrialEvenWhenALaterOneIsWorse() {
        ChainState state = ChainState.start("run")
                .withTrial(trial(2, 0.93))
                .withTrial(trial(1, 0.80))
                .withTrial(trial(3, 0.85));

        assertThat(state.trials()).extracting(TrialRecord::number).containsExactly(1, 2, 3);
        assertThat(state.best()).hasValueSatisfying(best -> assertThat(best.number()).isEqualTo(2));
        assertThat(state.best(Direction.MINIMIZE)).hasValueSatisfying(best -> assertThat(best.number()).isEqualTo(1));
        assertThat(state.nextTrialNumber()).isEqualTo(4);
        assertThat(state.withTrial(trial(3, 0.95)).best()).hasValueSatisfying(b -> assertThat(b.number()).isEqualTo(3));
    }

    private static TrialRecord trial(final int number, final double metric) {
        return TrialRecord.running(number, Map.of("epochs", number * 10), null, "epochs", "abc", "2026-11-26T10:00:00Z")
                .finish(TrialState.COMPLETE, metric, 1000L * number, "sha256:1", null);
    }

    /** A failed trial with no metric never wins. */
    @Test
    void shouldIgnoreTrialsWithoutAMetric() {
        ChainState state = ChainState.start("run").withTrial(
                TrialRecord.running(1, Map.of(), null, "first", "abc", "t").finish(TrialState.FAILED, null, 5, null, "boom"));

        assertThat(state.best()).isEmpty();
        assertThat(state.trials()).extracting(TrialRecord::message).isEqualTo(List.of("boom"));
    }
}
