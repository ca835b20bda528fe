package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step mlopsDetect. Finds the training script and detects its framework and architecture, which
 * pick the trainer image.
 */
public class DetectBuilder extends MlopsBuilder implements DetectSettings {
    private String entry = "";

    /**
     * Settings for mlopsDetect; all are optional.
     */
    @DataBoundConstructor
    public DetectBuilder() {
    }

    @Override
    public String getEntry() {
        return entry;
    }

    @DataBoundSetter
    public void setEntry(final String entry) {
        this.entry = FormChecks.trim(entry);
    }

    /** Registers the builder and its short name for Pipeline and Configuration as Code. */
    @Extension
    @Symbol("mlopsDetect")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return "MLOps: detect the model type";
        }
    }
}
