package hudson.model;

/** Compile-only stub of hudson.model.AbstractDescribableImpl (jenkins-core 2.541.3); never on a runtime classpath. */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
