package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One via-git tweak, the same for the via-git study of {@code mlops run} and for the tweak step on its own: edit the
 * entry in the checkout, commit it with the trailers of the trial whose result led to it, and push it. The commit's
 * subject names the next trial and its change, so the history alone tells later tweaks what was tried.
 */
public final class ViaGitTweak {
    private static final Pattern SUBJECT = Pattern.compile("^mlops: trial \\d+: ");

    private final Tweaker tweaker;
    private final TweakPusher pusher;

    /** A tweak made by {@code tweaker} and pushed by {@code pusher}. */
    public ViaGitTweak(final Tweaker tweaker, final TweakPusher pusher) {
        this.tweaker = tweaker;
        this.pusher = pusher;
    }

    /**
     * A tweak that was committed and pushed.
     *
     * @param tweak  what changed
     * @param commit the pushed commit id
     */
    public record Pushed(Tweaker.Tweak tweak, String commit) {
    }

    /**
     * Makes the tweak after {@code trial} and pushes it.
     *
     * @param checkout the checkout holding the trained code
     * @param entry    the training script, relative to the checkout
     * @param history  the trials so far, {@code trial} included
     * @param trial    the trial that was trained: its number goes into the trailers
     * @param metric   its metric, or {@code null} when it produced none
     * @param target   the objective's target
     * @return empty, with a log line saying why, when no safe tweak applies
     */
    public Optional<Pushed> push(final Path checkout, final String entry, final List<TrialRecord> history, final int trial,
            final Double metric, final double target, final RunLog log) {
        Optional<Tweaker.Tweak> tweak = tweaker.next(checkout, entry, history, log);
        if (tweak.isEmpty()) {
            return Optional.empty();
        }
        String subject = "mlops: trial " + (trial + 1) + ": " + tweak.get().change();
        String commit = pusher.commitAndPush(checkout, entry, TrialTrailers.message(subject, trial, metric, target,
                tweak.get().edit()), log);
        log.info("Pushed the tweak for trial %d as commit %s; the next poll trains it", trial + 1, abbreviate(commit));
        return Optional.of(new Pushed(tweak.get(), commit));
    }

    /**
     * The trials the trailers in the history record, each with its change: trial 1 is the baseline, trial k the
     * change the commit after trial k-1 made.
     */
    public static List<TrialRecord> history(final List<TrialTrailers.RecordedTrial> recorded) {
        List<TrialRecord> trials = new ArrayList<>();
        for (TrialTrailers.RecordedTrial trial : recorded) {
            trials.add(recordedTrial(recorded, trial.trial(), trial.metric()));
        }
        return trials;
    }

    /**
     * Trial {@code number} as the trailers in {@code recorded} describe it (its change and edit), finished with
     * {@code metric} ({@code null}: failed, no metric).
     */
    public static TrialRecord recordedTrial(final List<TrialTrailers.RecordedTrial> recorded, final int number,
            final Double metric) {
        return TrialRecord.running(number, Map.of(), null, changeOf(recorded, number), null, null)
                .withEdit(editOf(recorded, number))
                .finish(metric == null ? TrialState.FAILED : TrialState.COMPLETE, metric, 0, null, null);
    }

    /** {@code state} with the trials the trailers record that it does not know yet (a fresh or wiped workspace). */
    public static ChainState withHistory(final ChainState state, final List<TrialTrailers.RecordedTrial> recorded) {
        ChainState result = state;
        for (TrialRecord trial : history(recorded)) {
            if (result.trial(trial.number()).isEmpty()) {
                result = result.withTrial(trial);
            }
        }
        return result;
    }

    /** What trial {@code number} changed, read from the subject of the tweak commit that preceded it. */
    public static String changeOf(final List<TrialTrailers.RecordedTrial> recorded, final int number) {
        if (number == 1) {
            return "baseline";
        }
        return recorded.stream().filter(r -> r.trial() == number - 1).findFirst()
                .map(r -> SUBJECT.matcher(r.subject()).replaceFirst("")).orElse("tweak");
    }

    /** What trial {@code number}'s edit changed, from the trailers of the tweak commit that preceded it, if any. */
    public static EditRecord editOf(final List<TrialTrailers.RecordedTrial> recorded, final int number) {
        return recorded.stream().filter(r -> r.trial() == number - 1).findFirst()
                .map(TrialTrailers.RecordedTrial::edit).orElse(null);
    }

    /** The trial number after the highest one the trailers record: the trial being trained now. */
    public static int current(final List<TrialTrailers.RecordedTrial> recorded) {
        return recorded.stream().mapToInt(TrialTrailers.RecordedTrial::trial).max().orElse(0) + 1;
    }

    /** The first eight characters of {@code commit}, as git shows a commit id. */
    public static String abbreviate(final String commit) {
        return commit == null || commit.length() < 8 ? String.valueOf(commit) : commit.substring(0, 8);
    }
}
