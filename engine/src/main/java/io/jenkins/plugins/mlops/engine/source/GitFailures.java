package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/** Turns what JGit throws into one clear {@link MlopsException} line without credentials. */
final class GitFailures {
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Set<String> SCHEMES = Set.of("http", "https", "ssh", "git", "file");

    private GitFailures() {
    }

    /** The URL as it may be shown: user info masked. */
    static String display(final String url) {
        return Secrets.maskUrls(url);
    }

    /**
     * Fails with a bad-input error when {@code url} is not a usable git URL. JGit's own parser accepts almost any
     * text (it falls back to a local path), so URLs with a scheme are checked here: a known scheme, a host, no
     * white space.
     */
    static void checkUrl(final String url, final GitCredentials credentials) {
        if (url.isBlank()) {
            throw malformed(url, "it is empty", credentials);
        }
        Matcher scheme = SCHEME.matcher(url);
        URIish parsed;
        try {
            parsed = new URIish(url);
        }
        catch (URISyntaxException e) {
            throw malformed(url, e.getReason(), credentials);
        }
        catch (IllegalArgumentException e) {
            throw malformed(url, "a part of it cannot be read", credentials);
        }
        if (!scheme.lookingAt()) {
            return;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(name)) {
            throw malformed(url, "the scheme " + name + " is not one git speaks", credentials);
        }
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw malformed(url, "it contains white space", credentials);
        }
        if (!"file".equals(name) && (parsed.getHost() == null || parsed.getHost().isEmpty())) {
            throw malformed(url, "it names no host", credentials);
        }
    }

    private static MlopsException malformed(final String url, final String why, final GitCredentials credentials) {
        return MlopsException.input(mask("The repository URL '" + url + "' is malformed (" + why + "). Use a URL "
                + "such as https://host/owner/repo.git, ssh://git@host/owner/repo.git or file:///path/to/repo.git.",
                credentials));
    }

    /** The branch is not on the remote. */
    static MlopsException branchMissing(final String url, final String branch, final GitCredentials credentials) {
        return MlopsException.input(mask("The branch '" + branch + "' does not exist in " + url
                + ". Check the branch name (e.g. main or master) or push the branch first.", credentials));
    }

    /**
     * The exception {@code failure} of {@code action} (e.g. "fetch") against {@code url} as one line naming the
     * problem and the fix: host unreachable, authentication refused, repository or branch missing, or else the
     * transport's own reason. The JGit exception is not kept as the cause: its text may hold the URL's user info.
     */
    static MlopsException translate(final String action, final String url, final String branch,
            final GitCredentials credentials, final Exception failure) {
        String reason = messages(failure);
        String lower = reason.toLowerCase(Locale.ROOT);
        if (hasCause(failure, UnknownHostException.class, ConnectException.class, NoRouteToHostException.class,
                SocketTimeoutException.class) || lower.contains("connection refused")
                || lower.contains("unknownhost") || lower.contains("timed out") || lower.contains("no route to host")
                || lower.contains("connection reset")) {
            return MlopsException.infrastructure(mask("Cannot " + action + " " + url
                    + ": the host is unreachable (" + firstLine(reason)
                    + "). Check the URL's host and port, the network and any proxy, then retry.", credentials));
        }
        if (lower.contains("not authorized") || lower.contains("authentication") || lower.contains("auth fail")
                || lower.contains("401") || lower.contains("403") || lower.contains("permission denied")) {
            return MlopsException.input(mask("Cannot " + action + " " + url + ": authentication was refused. "
                    + "Check the user name and password/token (MLOPS_GIT_USERNAME, MLOPS_GIT_PASSWORD) or the SSH "
                    + "key (MLOPS_GIT_SSH_KEY) and that it may access this repository.", credentials));
        }
        if (lower.contains("remote does not have") || lower.contains("remote branch")
                && lower.contains("not found")) {
            return branchMissing(url, branch, credentials);
        }
        if (lower.contains("not found") || lower.contains("does not appear to be a git repository")
                || lower.contains("repository not found") || lower.contains("not a git repository")
                || lower.contains("no such file")) {
            return MlopsException.input(mask("Cannot " + action + " " + url + ": there is no git repository at "
                    + "this URL. Check the URL (owner, repository name, .git suffix).", credentials));
        }
        return MlopsException.infrastructure(mask("Cannot " + action + " " + url + ": " + firstLine(reason)
                + ". Check that the remote is a reachable git repository and retry.", credentials));
    }

    /** {@code text} without the password, passphrase or any URL user info. */
    static String mask(final String text, final GitCredentials credentials) {
        return Secrets.mask(text, credentials.password(), credentials.passphrase());
    }

    private static String messages(final Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.append(all.length() == 0 ? "" : "; ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return all.length() == 0 ? failure.getClass().getSimpleName() : all.toString();
    }

    private static String firstLine(final String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    @SafeVarargs
    private static boolean hasCause(final Throwable failure, final Class<? extends Throwable>... types) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }
}
