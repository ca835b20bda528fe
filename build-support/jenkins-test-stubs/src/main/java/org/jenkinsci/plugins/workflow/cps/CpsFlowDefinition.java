package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;
import org.kohsuke.stapler.DataBoundConstructor;

/** Compile-only stub of org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition (workflow-cps 4370.v49a_6937566b_6); never on a runtime classpath. */
public class CpsFlowDefinition extends FlowDefinition {
    @DataBoundConstructor
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
