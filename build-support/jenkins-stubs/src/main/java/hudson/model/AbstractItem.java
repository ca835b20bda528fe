package hudson.model;

/** Compile-only stub of hudson.model.AbstractItem (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class AbstractItem extends Actionable implements Item {
    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
