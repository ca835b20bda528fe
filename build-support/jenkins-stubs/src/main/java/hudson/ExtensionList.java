package hudson;

import java.util.AbstractList;

/** Compile-only stub of hudson.ExtensionList (jenkins-core 2.541.3); never on a runtime classpath. */
public class ExtensionList<T> extends AbstractList<T> {
    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <U extends T> U get(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
