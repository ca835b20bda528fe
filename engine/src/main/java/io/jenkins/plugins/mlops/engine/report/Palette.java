package io.jenkins.plugins.mlops.engine.report;

import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;

/**
 * Jenkins' status colours: green success, yellow unstable, red failed, grey not run. SVG gets them as presentation
 * attributes, not CSS, so the drawings keep their colours under a Content Security Policy that forbids inline styles.
 *
 * @param stroke the strong colour (borders, bars, text badges)
 * @param fill   a light tint of it (box backgrounds)
 */
record Palette(String stroke, String fill) {
    static final Palette SUCCESS = new Palette("#1f8b4c", "#e8f5ec");
    static final Palette UNSTABLE = new Palette("#d39e00", "#fdf6e0");
    static final Palette FAILED = new Palette("#c9302c", "#fbe9e8");
    static final Palette NOT_RUN = new Palette("#8c959f", "#f3f4f6");
    static final Palette RUNNING = new Palette("#2670c7", "#e7f0fb");

    static Palette of(final StepState state) {
        return switch (state) {
            case SUCCESS -> SUCCESS;
            case UNSTABLE -> UNSTABLE;
            case FAILED -> FAILED;
            case SKIPPED, NOT_RUN -> NOT_RUN;
        };
    }

    static Palette of(final TrialState state) {
        return switch (state) {
            case COMPLETE -> SUCCESS;
            case RUNNING -> RUNNING;
            case FAILED, TIMED_OUT -> FAILED;
            case CANCELLED -> NOT_RUN;
        };
    }

    static Palette of(final Verdict verdict) {
        return switch (verdict) {
            case PASSED -> SUCCESS;
            case BELOW_TARGET -> UNSTABLE;
            case NO_METRIC, INVALID, FAILED -> FAILED;
        };
    }
}
