package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step mlopsTell: records the results of asked trials (the maps {@code mlopsTrain(trial: t)} returned,
 * one or a list) in the study in the workspace, and returns the study's state: {@code done}, {@code passed},
 * {@code verdict}, {@code reason} and the {@code best} trial with where its model files are. When the study is done
 * below its target the step and the build become UNSTABLE, as mlopsCheckAccuracy does.
 */
public class TellStep extends MlopsStep {
    private Object results;

    /** Settings for mlopsTell. */
    @DataBoundConstructor
    public TellStep() {
    }

    /** Results: the map mlopsTrain(trial: t) returned, or a list of them. */
    public Object getResults() {
        return results;
    }

    @DataBoundSetter
    public void setResults(final Object results) {
        this.results = results;
    }

    @Override
    public StepOrder order(final Run<?, ?> run) throws AbortException {
        List<TrialReport> reports = new ArrayList<>();
        if (results instanceof Map<?, ?>) {
            reports.add(TrialMaps.report(results));
        }
        else if (results instanceof Iterable<?> items) {
            for (Object item : items) {
                reports.add(TrialMaps.report(item));
            }
        }
        else if (results != null) {
            throw new AbortException("mlopsTell results: must be the map mlopsTrain(trial: t) returned, or a list "
                    + "of them, not " + results.getClass().getSimpleName());
        }
        return new StepOrder.Tell(reports);
    }

    @Override
    Object result(final StepOutcome outcome) {
        return outcome.values();
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlopsTell";
        }

        @Override
        public String getDisplayName() {
            return "MLOps: tell the study the results of trials";
        }
    }
}
