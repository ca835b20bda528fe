package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

/** Compile-only stub of org.jenkinsci.plugins.workflow.cps.GlobalVariable (workflow-cps 4370.v49a_6937566b_6); never on a runtime classpath. */
public abstract class GlobalVariable implements ExtensionPoint {
    public abstract String getName();

    public abstract Object getValue(CpsScript script) throws Exception;
}
