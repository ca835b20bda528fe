package hudson.util;

import java.util.AbstractList;

/** Compile-only stub of hudson.util.PersistedList (jenkins-core 2.541.3); never on a runtime classpath. */
public class PersistedList<T> extends AbstractList<T> {
    @Override
    public boolean add(T item) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <U extends T> U get(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
