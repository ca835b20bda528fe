package hudson.model;

/** Compile-only stub of hudson.model.Describable (jenkins-core 2.541.3); never on a runtime classpath. */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
