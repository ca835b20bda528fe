package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle build step mlopsNotify. Mails the result (metric, target, trials, best model) to the developers,
 * when the gate passed. Uses the mail server of the global configuration.
 */
public class NotifyBuilder extends MlopsBuilder implements NotifySettings {
    private final String recipients;

    /**
     * Settings for mlopsNotify; the rest are optional.
     *
     * @param recipients Comma-separated mail addresses.
     */
    @DataBoundConstructor
    public NotifyBuilder(final String recipients) {
        this.recipients = FormChecks.trim(recipients);
    }

    @Override
    public String getRecipients() {
        return recipients;
    }

    /** Registers the builder and its short name for Pipeline and Configuration as Code. */
    @Extension
    @Symbol("mlopsNotify")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return "MLOps: mail the developers";
        }
    }
}
