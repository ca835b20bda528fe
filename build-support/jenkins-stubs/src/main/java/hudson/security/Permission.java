package hudson.security;

/** Compile-only stub of hudson.security.Permission (jenkins-core 2.541.3); never on a runtime classpath. */
public final class Permission {
}
