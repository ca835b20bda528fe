package jenkins.triggers;

import hudson.model.Item;
import hudson.scm.SCM;
import java.util.Collection;

/** Compile-only stub of jenkins.triggers.SCMTriggerItem (jenkins-core 2.541.3); never on a runtime classpath. */
public interface SCMTriggerItem {
    Collection<? extends SCM> getSCMs();

    /** Compile-only stub of jenkins.triggers.SCMTriggerItem.SCMTriggerItems. */
    class SCMTriggerItems {
        private SCMTriggerItems() {
        }

        public static SCMTriggerItem asSCMTriggerItem(Item item) {
            throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
