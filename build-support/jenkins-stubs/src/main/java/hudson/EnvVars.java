package hudson;

import java.util.TreeMap;

/** Compile-only stub of hudson.EnvVars (jenkins-core 2.541.3); never on a runtime classpath. */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
