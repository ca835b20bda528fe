package io.jenkins.plugins.mlops.engine.model;

import java.util.Locale;

/**
 * The commit trailers that record a trial in git: {@code MLOps-Trial: N}, {@code MLOps-Metric: 0.8700} and
 * {@code MLOps-Target: 0.9000}. via-git tweak commits and published model commits write them the same way, and the
 * via-git loop reads them back to count trials. A via-git tweak commit also records its edit: {@code MLOps-Edit:
 * WIDEN}, {@code MLOps-Edit-From: 64}, {@code MLOps-Edit-To: 128} (the values only when the edit changed one).
 */
public final class TrialTrailer {
    /** The trial number. */
    public static final String TRIAL = "MLOps-Trial";
    /** The trial's metric, or {@code none}. */
    public static final String METRIC = "MLOps-Metric";
    /** The objective's target. */
    public static final String TARGET = "MLOps-Target";
    /** The kind of the tweak's source edit ({@link EditKind} name). */
    public static final String EDIT = "MLOps-Edit";
    /** The value the edit changed, before. */
    public static final String EDIT_FROM = "MLOps-Edit-From";
    /** The value the edit changed, after. */
    public static final String EDIT_TO = "MLOps-Edit-To";

    private TrialTrailer() {
    }

    /** The three trailer lines, each ending with a line break. */
    public static String lines(final int trial, final Double metric, final double target) {
        return TRIAL + ": " + trial + "\n" + METRIC + ": "
                + (metric == null ? "none" : String.format(Locale.ROOT, "%.4f", metric)) + "\n" + TARGET + ": "
                + String.format(Locale.ROOT, "%.4f", target) + "\n";
    }

    /** The trailer lines of {@code edit}, each ending with a line break; none for {@code null}. */
    public static String lines(final EditRecord edit) {
        if (edit == null) {
            return "";
        }
        return EDIT + ": " + edit.kind().name() + "\n" + (edit.from() == null ? "" : EDIT_FROM + ": " + edit.from()
                + "\n") + (edit.to() == null ? "" : EDIT_TO + ": " + edit.to() + "\n");
    }
}
