package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The Pipeline step mlopsNotify. Mails the result (metric, target, trials, best model) to the developers, when the
 * gate passed. Uses the mail server of the global configuration.
 */
public class NotifyStep extends MlopsStep implements NotifySettings {
    private final String recipients;

    /**
     * Settings for mlopsNotify; the rest are optional.
     *
     * @param recipients Comma-separated mail addresses.
     */
    @DataBoundConstructor
    public NotifyStep(final String recipients) {
        this.recipients = FormChecks.trim(recipients);
    }

    @Override
    public String getRecipients() {
        return recipients;
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlopsNotify";
        }

        @Override
        public String getDisplayName() {
            return "MLOps: mail the developers";
        }
    }
}
