package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.TrialTrailer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The via-git loop's memory: each tweak commit carries trailers {@code MLOps-Trial: N} (the trial whose result led to
 * the tweak), {@code MLOps-Metric: 0.87} and {@code MLOps-Target: 0.90}. Reading them back from the history bounds the
 * loop by max trials however often the repository is polled, which the seed's endless loop lacked.
 */
public final class TrialTrailers {
    /** How far back the history is read; a study never has more trials than this. */
    static final int MAX_COMMITS = 1000;

    private TrialTrailers() {
    }

    /**
     * A trial recorded in a commit.
     *
     * @param trial   the trial number
     * @param metric  its metric, or {@code null} when it produced none
     * @param commit  the tweak commit that carries the trailers
     * @param subject the commit's subject line: what the tweak changed
     * @param edit    the edit the commit made, from its trailers, or {@code null} (commits of versions before 2026-12)
     */
    public record RecordedTrial(int trial, Double metric, String commit, String subject, EditRecord edit) {
    }

    /** The trials recorded in the history of the checkout's HEAD, oldest first. */
    public static List<RecordedTrial> read(final Path checkout) {
        try (Git git = WorkspaceGit.open(checkout)) {
            List<RecordedTrial> trials = new ArrayList<>();
            for (RevCommit commit : git.log().setMaxCount(MAX_COMMITS).call()) {
                List<String> trial = commit.getFooterLines(TrialTrailer.TRIAL);
                if (!trial.isEmpty()) {
                    trials.add(0, new RecordedTrial(parseTrial(trial.get(0)),
                            parseMetric(commit.getFooterLines(TrialTrailer.METRIC)), commit.getName(),
                            commit.getShortMessage(), parseEdit(commit)));
                }
            }
            return trials;
        }
        catch (IOException | GitAPIException e) {
            throw MlopsException.input("Cannot read the history of " + checkout + " (" + e.getMessage()
                    + "); fetch the repository again.");
        }
    }

    /** The commit message of a tweak: subject, blank line, the trial's trailers and those of its edit. */
    public static String message(final String subject, final int trial, final Double metric, final double target,
            final EditRecord edit) {
        return subject + "\n\n" + TrialTrailer.lines(trial, metric, target) + TrialTrailer.lines(edit);
    }

    /** The edit a commit's trailers record; none when the kind is missing or not one this version knows. */
    private static EditRecord parseEdit(final RevCommit commit) {
        List<String> kind = commit.getFooterLines(TrialTrailer.EDIT);
        if (kind.isEmpty()) {
            return null;
        }
        try {
            return new EditRecord(EditKind.valueOf(kind.get(0).trim()), first(commit, TrialTrailer.EDIT_FROM),
                    first(commit, TrialTrailer.EDIT_TO));
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(final RevCommit commit, final String key) {
        List<String> values = commit.getFooterLines(key);
        return values.isEmpty() ? null : values.get(0).trim();
    }

    private static int parseTrial(final String value) {
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            throw MlopsException.input("A commit has the trailer '" + TrialTrailer.TRIAL + ": " + value
                    + "', which is not a trial number; fix or revert that commit.");
        }
    }

    private static Double parseMetric(final List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(values.get(0).trim());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
