package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Compile-only stub of org.jenkinsci.plugins.workflow.actions.PersistentAction (workflow-api 1413.v2ff1a_5e720fa_); never on a runtime classpath. */
public interface PersistentAction extends Action {
}
