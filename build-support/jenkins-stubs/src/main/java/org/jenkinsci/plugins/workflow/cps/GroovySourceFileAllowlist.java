package org.jenkinsci.plugins.workflow.cps;

import hudson.ExtensionPoint;

/** Compile-only stub of org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist (workflow-cps 4370.v49a_6937566b_6); never on a runtime classpath. */
public abstract class GroovySourceFileAllowlist implements ExtensionPoint {
    public abstract boolean isAllowed(String groovySourceFileUrl);
}
