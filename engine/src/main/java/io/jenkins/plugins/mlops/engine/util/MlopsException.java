package io.jenkins.plugins.mlops.engine.util;

/**
 * A problem the user can fix, with one message that names the problem and the fix. The {@link Kind} tells front ends
 * how to report it (the CLI's exit code 2 or 3, a Jenkins build failure). Messages never contain credentials.
 */
public class MlopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Who has to act. */
    public enum Kind {
        /** Bad input or configuration: the user's repository, settings or files. */
        INPUT,
        /** Something the chain depends on is down or refused: Docker, git, SMTP. */
        INFRASTRUCTURE
    }

    private final Kind kind;

    /** An exception of {@code kind} with a message that names the problem and the fix. */
    public MlopsException(final Kind kind, final String message) {
        super(message);
        this.kind = kind;
    }

    /** The same, keeping the cause for debugging (its message must not hold secrets either). */
    public MlopsException(final Kind kind, final String message, final Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Who has to act. */
    public Kind kind() {
        return kind;
    }

    /** A bad-input problem. */
    public static MlopsException input(final String message) {
        return new MlopsException(Kind.INPUT, message);
    }

    /** An infrastructure problem. */
    public static MlopsException infrastructure(final String message) {
        return new MlopsException(Kind.INFRASTRUCTURE, message);
    }

    /** An infrastructure problem with its cause. */
    public static MlopsException infrastructure(final String message, final Throwable cause) {
        return new MlopsException(Kind.INFRASTRUCTURE, message, cause);
    }
}
