import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;

/** The real CpsFlowDefinition constructor throws the checked Descriptor.FormException. */
class UnhandledFormException {
    CpsFlowDefinition script() {
        return new CpsFlowDefinition("echo 'done'", true);
    }
}
