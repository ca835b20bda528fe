package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Result;

/** Compile-only stub of org.jenkinsci.plugins.workflow.actions.WarningAction (workflow-api 1413.v2ff1a_5e720fa_); never on a runtime classpath. */
public class WarningAction implements PersistentAction {
    public WarningAction(Result result) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
