package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.RefNotAdvertisedException;
import org.eclipse.jgit.api.errors.RefNotFoundException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;

/**
 * A remote git operation that failed, with the {@link Reason} told apart by the types of the exceptions JGit, the JDK
 * and Apache MINA SSHD throw, never by their (translatable) texts. Callers in this package read the reason (a fetch
 * that fails for no typed reason may be asking for a branch the remote lacks); elsewhere it is an
 * {@link MlopsException} like any other.
 */
final class RemoteFailure extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** Why a remote operation failed. */
    enum Reason {
        /** The host did not answer: unknown name, refused or reset connection, time-out. */
        UNREACHABLE,
        /** The server refused the credentials, or asked for some when none were given. */
        AUTHENTICATION,
        /** Nothing at the URL is a git repository (HTTP 404, a local path without a repository). */
        NO_REPOSITORY,
        /** The repository lacks the branch. */
        NO_BRANCH,
        /** Anything else: the transport's own message is shown. */
        OTHER
    }

    private final Reason reason;

    RemoteFailure(final Reason reason, final Kind kind, final String message) {
        super(kind, message);
        this.reason = reason;
    }

    /** Why the operation failed. */
    Reason reason() {
        return reason;
    }

    /**
     * The reason for {@code failure}.
     *
     * @param failure the exception of the JGit command
     * @param refused whether the server refused the credentials JGit offered (JGit does not type that for HTTP: it
     *                throws a plain TransportException, so {@link GitTransport} learns it from its credentials
     *                provider)
     */
    static Reason of(final Throwable failure, final boolean refused) {
        if (refused || loginDenied(failure)) {
            return Reason.AUTHENTICATION;
        }
        if (has(failure, UnknownHostException.class) || has(failure, SocketException.class)
                || has(failure, SocketTimeoutException.class) || has(failure, TimeoutException.class)) {
            return Reason.UNREACHABLE;
        }
        if (has(failure, RefNotAdvertisedException.class) || has(failure, RefNotFoundException.class)) {
            return Reason.NO_BRANCH;
        }
        if (has(failure, NoRemoteRepositoryException.class) || has(failure, RepositoryNotFoundException.class)
                || has(failure, InvalidRemoteException.class)) {
            return Reason.NO_REPOSITORY;
        }
        return Reason.OTHER;
    }

    /** SSHD's end of authentication: the server accepted none of the keys or passwords offered. */
    private static boolean loginDenied(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SshException ssh
                    && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(final Throwable failure, final Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
