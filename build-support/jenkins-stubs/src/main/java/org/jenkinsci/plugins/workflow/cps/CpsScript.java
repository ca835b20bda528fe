package org.jenkinsci.plugins.workflow.cps;

import com.cloudbees.groovy.cps.SerializableScript;
import java.io.IOException;

/** Compile-only stub of org.jenkinsci.plugins.workflow.cps.CpsScript (workflow-cps 4370.v49a_6937566b_6); never on a runtime classpath. */
public abstract class CpsScript extends SerializableScript {
    public CpsScript() throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
