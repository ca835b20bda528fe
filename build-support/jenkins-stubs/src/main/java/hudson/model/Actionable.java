package hudson.model;

/** Compile-only stub of hudson.model.Actionable (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Actionable extends AbstractModelObject {
    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
