package hudson.model;

import java.io.IOException;

/** Compile-only stub of hudson.model.Saveable (jenkins-core 2.541.3); never on a runtime classpath. */
public interface Saveable {
    void save() throws IOException;
}
