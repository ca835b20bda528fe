package hudson.security;

/** Compile-only stub of hudson.security.AccessControlled (jenkins-core 2.541.3); never on a runtime classpath. */
public interface AccessControlled {
    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
