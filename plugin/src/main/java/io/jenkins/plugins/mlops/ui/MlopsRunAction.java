package io.jenkins.plugins.mlops.ui;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.report.ReportRenderer;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

/**
 * The build's MLOps page: the chain's steps, the trials and the gate, plus the summary line on the build page. The
 * full chain state is kept beside build.xml (in {@code mlops/.mlops/run.json} of the build folder); build.xml keeps
 * only the few values the summary and the project trend need, so loading a job stays cheap.
 */
public class MlopsRunAction implements RunAction2, SimpleBuildStep.LastBuildAction {
    /** The page's address below the build's, {@code mlops/}. */
    public static final String URL_NAME = "mlops";
    private static final String STATE_FOLDER = "mlops";

    private transient Run<?, ?> run;
    private transient ChainState state;

    private String modelType;
    private String image;
    private String metric;
    private Double bestMetric;
    private double target;
    private String verdict;
    private int trials;

    /**
     * Records {@code state} on {@code run}, adding the action on the first step of the build.
     *
     * @param run   the build
     * @param state the chain state after a step
     */
    public static void record(final Run<?, ?> run, final ChainState state) {
        MlopsRunAction action;
        synchronized (MlopsRunAction.class) {
            action = run.getAction(MlopsRunAction.class);
            if (action == null) {
                action = new MlopsRunAction();
                run.addAction(action);
            }
        }
        action.update(state);
    }

    private synchronized void update(final ChainState newState) {
        new ChainStateStore(stateFolder()).save(newState);
        state = newState;
        modelType = newState.detection() == null ? null : newState.detection().type().toString();
        image = newState.detection() == null ? null : newState.detection().image();
        metric = newState.objective().metric();
        target = newState.objective().target();
        bestMetric = newState.best().map(TrialRecord::metric).orElse(null);
        verdict = newState.gate() == null ? null : newState.gate().verdict().name();
        trials = newState.trials().size();
    }

    private Path stateFolder() {
        return run.getRootDir().toPath().resolve(STATE_FOLDER);
    }

    /** The full chain state, read from the build folder when first needed. */
    public synchronized ChainState getState() {
        if (state == null) {
            state = new ChainStateStore(stateFolder()).load().orElse(null);
        }
        return state;
    }

    /**
     * The engine's report of this build (pipeline of the steps, metric chart, trials), without scripts; every value
     * in it is HTML-escaped by the engine, so the page prints it as it is.
     *
     * @return the HTML fragment, or empty when the chain state is not available
     */
    public String getReportHtml() {
        ChainState current = getState();
        return current == null ? "" : new ReportRenderer("MLOps - " + run.getNumber(), null).renderFragment(current);
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return List.of(new MlopsTrendAction(run));
    }

    @Override
    public String getIconFileName() {
        return "symbol-flask";
    }

    @Override
    public String getDisplayName() {
        return "MLOps";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    public String getModelType() {
        return modelType;
    }

    public String getImage() {
        return image;
    }

    public String getMetric() {
        return metric;
    }

    public Double getBestMetric() {
        return bestMetric;
    }

    public double getTarget() {
        return target;
    }

    public String getVerdict() {
        return verdict;
    }

    public int getTrials() {
        return trials;
    }

    /**
     * The build page's summary line, values rounded as in the report and the mail, e.g.
     * {@code best accuracy 0.5422 (target 0.90) after 5 trial(s) - BELOW_TARGET}.
     */
    public String getSummary() {
        return bestMetric == null ? "no metric yet" : "best " + line(metric, bestMetric, target, trials, verdict);
    }

    /**
     * One result in words: {@code accuracy 0.5422 (target 0.90) after 5 trial(s) - BELOW_TARGET}; the verdict part
     * is left out while there is none. The summary line and the steps' {@code display} value share it.
     */
    public static String line(final String metric, final Double value, final double target, final int trials,
            final String verdict) {
        return metric + " " + MetricFormat.format(value) + " (target " + MetricFormat.format(target) + ") after "
                + trials + " trial(s)" + (verdict == null ? "" : " - " + verdict);
    }
}
