package hudson.security;

import org.springframework.security.core.Authentication;

/** Compile-only stub of hudson.security.ACL (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class ACL {
    public static final Authentication SYSTEM2 = null;
}
