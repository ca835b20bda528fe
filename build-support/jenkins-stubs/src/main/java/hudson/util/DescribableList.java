package hudson.util;

import hudson.model.Describable;
import hudson.model.Descriptor;

/** Compile-only stub of hudson.util.DescribableList (jenkins-core 2.541.3); never on a runtime classpath. */
public class DescribableList<T extends Describable<T>, D extends Descriptor<T>> extends PersistedList<T> {
    @Override
    public <U extends T> U get(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
