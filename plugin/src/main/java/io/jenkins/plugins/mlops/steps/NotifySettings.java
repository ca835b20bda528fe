package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;

/**
 * The settings of the mlopsNotify step, shared by {@link NotifyBuilder} (freestyle) and {@link NotifyStep}
 * (Pipeline). Mails the result (metric, target, trials, best model) to the developers, when the gate passed. Uses
 * the mail server of the global configuration.
 */
public interface NotifySettings extends StepSettings {
    /** Recipients: Comma-separated mail addresses. */
    String getRecipients();

    @Override
    default StepOrder order(final Run<?, ?> run) throws AbortException {
        return new StepOrder.Notify(getRecipients());
    }
}
