package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The source edits of a study so far, from the trials' edit records, and the policy that decides which
 * kind of edit comes next: rotate over the axes (training length, depth, width, regularisation), starting after the
 * axis of the last edit; retire a kind whose last two tries brought no improvement; add layers at most
 * {@link #MAX_ADDITIONS} times per kind; and never repeat a change that was already tried (the next edit starts from
 * the best trial's code, so the same change would give the same model).
 */
final class EditHistory {
    /** How often one kind of layer may be added in a study. */
    static final int MAX_ADDITIONS = 3;

    /**
     * One earlier edit.
     *
     * @param edit     its kind and values
     * @param change   its change line
     * @param diff     its diff
     * @param improved whether its trial beat every trial before it
     */
    record PastEdit(EditRecord edit, String change, String diff, boolean improved) {
        EditKind kind() {
            return edit.kind();
        }
    }

    private final List<PastEdit> pastEdits = new ArrayList<>();

    EditHistory(final List<TrialRecord> history, final Direction direction) {
        Double best = null;
        for (TrialRecord trial : history) {
            boolean complete = trial.state() == TrialState.COMPLETE && trial.metric() != null;
            boolean improved = complete && (best == null || direction.isBetter(trial.metric(), best));
            if (trial.edit() != null) {
                pastEdits.add(new PastEdit(trial.edit(), trial.change(), trial.diff(), improved));
            }
            if (improved) {
                best = trial.metric();
            }
        }
    }

    /** The earlier edits, in trial order. */
    List<PastEdit> pastEdits() {
        return pastEdits;
    }

    /** The value a raised number had before the study first raised it ({@code 10} of {@code epochs 10 -> 20}). */
    Optional<Double> original(final EditKind kind) {
        for (PastEdit past : pastEdits) {
            if (past.kind() == kind && past.edit().from() != null) {
                try {
                    return Optional.of(Double.parseDouble(past.edit().from()));
                }
                catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Whether an edit with this change line or this diff was tried already. */
    boolean tried(final String change, final String diff) {
        return pastEdits.stream().anyMatch(a -> a.change().equals(change) || diff.equals(a.diff()));
    }

    /**
     * The kinds to try next, best first.
     *
     * @param preference the kinds that apply to the model, in the order to use them when nothing was tried yet
     * @return the kinds that are not retired, the axis after the last edit's first
     */
    List<EditKind> order(final List<EditKind> preference) {
        List<EditKind.Axis> axes = new ArrayList<>(new LinkedHashSet<>(preference.stream().map(EditKind::axis)
                .toList()));
        if (!pastEdits.isEmpty() && axes.contains(pastEdits.get(pastEdits.size() - 1).kind().axis())) {
            int last = axes.indexOf(pastEdits.get(pastEdits.size() - 1).kind().axis());
            List<EditKind.Axis> rotated = new ArrayList<>(axes.subList(last + 1, axes.size()));
            rotated.addAll(axes.subList(0, last + 1));
            axes = rotated;
        }
        Set<EditKind> retired = retired();
        List<EditKind> order = new ArrayList<>();
        for (EditKind.Axis axis : axes) {
            preference.stream().filter(k -> k.axis() == axis && !retired.contains(k)).forEach(order::add);
        }
        return order;
    }

    /** The kinds not to try again: two tries in a row without gain, or layers added often enough. */
    Set<EditKind> retired() {
        Set<EditKind> retired = new LinkedHashSet<>();
        for (EditKind kind : EditKind.values()) {
            List<PastEdit> mine = pastEdits.stream().filter(a -> a.kind() == kind).toList();
            boolean lastTwoFailed = mine.size() >= 2 && !mine.get(mine.size() - 1).improved()
                    && !mine.get(mine.size() - 2).improved();
            boolean tooManyLayers = kind.axis() == EditKind.Axis.DEPTH && mine.size() >= MAX_ADDITIONS;
            if (lastTwoFailed || tooManyLayers) {
                retired.add(kind);
            }
        }
        return retired;
    }
}
