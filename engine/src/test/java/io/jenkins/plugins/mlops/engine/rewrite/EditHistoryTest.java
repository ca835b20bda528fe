package io.jenkins.plugins.mlops.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which kind of source edit comes next, from the edit records of the study's trials. */
class EditHistoryTest {
    private static final List<EditKind> KERAS_CNN = List.of(EditKind.EPOCHS, EditKind.ADD_CONV_BLOCK,
            EditKind.ADD_DENSE_LAYER, EditKind.WIDEN);

    private static List<TrialRecord> study(final Object... changesAndMetrics) {
        List<TrialRecord> history = new ArrayList<>();
        history.add(trial(1, "baseline", 0.5));
        for (int i = 0; i < changesAndMetrics.length; i += 2) {
            history.add(trial(history.size() + 1, (String) changesAndMetrics[i], (Double) changesAndMetrics[i + 1]));
        }
        return history;
    }

    private static TrialRecord trial(final int number, final String change, final Double metric) {
        TrialRecord running = TrialRecord.running(number, null, "diff " + number, change, null, null)
                .withEdit(AbstractRewriteTest.editOf(change));
        return metric == null ? running.finish(TrialState.FAILED, null, 1, null, "crash")
                : running.finish(TrialState.COMPLETE, metric, 1, null, null);
    }

    /** With nothing tried, the preference order holds; after an epochs edit, depth comes first, then width. */
    @Test
    void shouldRotateOverTheAxes() {
        assertThat(new EditHistory(study(), Direction.MAXIMIZE).order(KERAS_CNN)).isEqualTo(KERAS_CNN);
        assertThat(new EditHistory(study("[epochs] epochs 10 -> 20", 0.6), Direction.MAXIMIZE).order(KERAS_CNN))
                .containsExactly(EditKind.ADD_CONV_BLOCK, EditKind.ADD_DENSE_LAYER, EditKind.WIDEN, EditKind.EPOCHS);
        assertThat(new EditHistory(study("[epochs] epochs 10 -> 20", 0.6, "[widen] Dense 64 -> 128", 0.7),
                Direction.MAXIMIZE).order(KERAS_CNN))
                .containsExactly(EditKind.EPOCHS, EditKind.ADD_CONV_BLOCK, EditKind.ADD_DENSE_LAYER, EditKind.WIDEN);
    }

    /** A kind whose last two tries brought no gain is retired; one gain in between keeps it. */
    @Test
    void shouldRetireAKindThatFailedTwice() {
        List<TrialRecord> twice = study("[add conv block] Conv2D(64) after line 9", 0.4,
                "[add conv block] Conv2D(64) + MaxPooling2D after line 9", null);
        List<TrialRecord> gainBetween = study("[add conv block] a", 0.4, "[add conv block] b", 0.7);

        assertThat(new EditHistory(twice, Direction.MAXIMIZE).order(KERAS_CNN)).doesNotContain(EditKind.ADD_CONV_BLOCK);
        assertThat(new EditHistory(gainBetween, Direction.MAXIMIZE).order(KERAS_CNN)).contains(EditKind.ADD_CONV_BLOCK);
        assertThat(new EditHistory(study("[add conv block] a", 0.6, "[add conv block] b", 0.7), Direction.MINIMIZE)
                .retired()).containsExactly(EditKind.ADD_CONV_BLOCK);
    }

    /** Layers of one kind are added at most three times, even when each addition helped. */
    @Test
    void shouldNotAddTheSameLayerForever() {
        List<TrialRecord> history = study("[add dense layer] a", 0.6, "[add dense layer] b", 0.7,
                "[add dense layer] c", 0.8);

        assertThat(new EditHistory(history, Direction.MAXIMIZE).retired()).containsExactly(EditKind.ADD_DENSE_LAYER);
    }

    /** The original value of a raised number is the one before the first raise, and tried edits are known. */
    @Test
    void shouldRememberOriginalsAndTriedEdits() {
        EditHistory history = new EditHistory(study("[epochs] EPOCHS 10 -> 20", 0.6, "[epochs] EPOCHS 20 -> 40",
                0.7), Direction.MAXIMIZE);

        assertThat(history.original(EditKind.EPOCHS)).contains(10.0);
        assertThat(history.original(EditKind.MAX_ITER)).isEmpty();
        assertThat(history.tried("[epochs] EPOCHS 20 -> 40", "other")).isTrue();
        assertThat(history.tried("[epochs] EPOCHS 40 -> 80", "diff 2")).isTrue();
        assertThat(history.tried("[epochs] EPOCHS 40 -> 80", "other")).isFalse();
    }

    /** The change line is for people: a trial without an edit record counts as no edit, whatever its line says. */
    @Test
    void shouldNotReadTheChangeLine() {
        TrialRecord unrecorded = TrialRecord.running(2, null, "diff 2", "[epochs] epochs 10 -> 20", null, null)
                .finish(TrialState.COMPLETE, 0.6, 1, null, null);
        TrialRecord recorded = unrecorded.withEdit(new EditRecord(EditKind.EPOCHS, "10", "20"));

        EditHistory without = new EditHistory(List.of(trial(1, "baseline", 0.5), unrecorded), Direction.MAXIMIZE);
        EditHistory with = new EditHistory(List.of(trial(1, "baseline", 0.5), recorded), Direction.MAXIMIZE);

        assertThat(without.pastEdits()).isEmpty();
        assertThat(without.original(EditKind.EPOCHS)).isEmpty();
        assertThat(with.pastEdits()).extracting(EditHistory.PastEdit::kind).containsExactly(EditKind.EPOCHS);
        assertThat(with.original(EditKind.EPOCHS)).contains(10.0);
    }
}
