package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failure of a remote git operation (classified as a {@link RemoteFailure.Reason}) into one clear
 * {@link MlopsException} line without credentials, and checks repository URLs. Shared by the stages that talk to git
 * (source and publish).
 */
public final class GitErrors {
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");
    private static final Pattern USER_PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/@:]*):[^/?#]*@");
    private static final Set<String> SCHEMES = Set.of("http", "https", "ssh", "git", "file");

    private GitErrors() {
    }

    /**
     * {@code url} without the password of its user info ({@code https://u:p@h/x} → {@code https://u@h/x}): what may
     * be stored in a repository's config, where anyone reading the checkout would otherwise find it.
     */
    public static String withoutPassword(final String url) {
        return USER_PASSWORD.matcher(url).replaceFirst("$1$2@");
    }

    /** The URL as it may be shown: user info masked. */
    public static String display(final String url) {
        return Secrets.maskUrls(url);
    }

    /**
     * Fails with a bad-input error when {@code url} is not a usable git URL. Git clients accept almost any text
     * (they fall back to a local path), so URLs with a scheme are checked here: a known scheme, a host, no white
     * space.
     */
    public static void checkUrl(final String url, final String... secrets) {
        if (url.isBlank()) {
            throw malformed(url, "it is empty", secrets);
        }
        if (url.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw malformed(url, "it contains control characters", secrets);
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.lookingAt()) {
            // scp-like (git@host:owner/repo.git) or a local path: the git client reports what it cannot reach.
            return;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(name)) {
            throw malformed(url, "the scheme " + name + " is not one git speaks", secrets);
        }
        if (url.chars().anyMatch(Character::isWhitespace)) {
            throw malformed(url, "it contains white space", secrets);
        }
        URI parsed;
        try {
            parsed = new URI(url);
        }
        catch (URISyntaxException e) {
            throw malformed(url, e.getReason(), secrets);
        }
        if (!"file".equals(name) && (parsed.getHost() == null || parsed.getHost().isEmpty())) {
            throw malformed(url, "it names no host, or its port is not a number", secrets);
        }
    }

    private static MlopsException malformed(final String url, final String why, final String... secrets) {
        return MlopsException.input(mask("The repository URL '" + url + "' is malformed (" + why + "). Use a URL "
                + "such as https://host/owner/repo.git, ssh://git@host/owner/repo.git or file:///path/to/repo.git.",
                secrets));
    }

    /** The branch is not on the remote. */
    public static MlopsException branchMissing(final String url, final String branch, final String... secrets) {
        return MlopsException.input(mask("The branch '" + branch + "' does not exist in " + url
                + ". Check the branch name (e.g. main or master) or push the branch first.", secrets));
    }

    /**
     * The failure of {@code action} (e.g. "fetch") against {@code url} as one line naming the problem and the fix:
     * host unreachable, authentication refused, repository or branch missing, or else the transport's own reason.
     * The JGit exception is not kept as the cause: its text may hold the URL's user info.
     */
    static RemoteFailure translate(final String action, final String url, final String branch,
            final RemoteFailure.Reason reason, final Exception failure, final String... secrets) {
        String prefix = "Cannot " + action + " " + url + ": ";
        return switch (reason) {
            case UNREACHABLE -> new RemoteFailure(reason, MlopsException.Kind.INFRASTRUCTURE, mask(prefix
                    + "the host is unreachable (" + firstLine(messages(failure)) + "). Check the URL's host and "
                    + "port, the network and any proxy, then retry.", secrets));
            case AUTHENTICATION -> new RemoteFailure(reason, MlopsException.Kind.INPUT, mask(prefix
                    + "authentication was refused. Check the user name and password/token (MLOPS_GIT_USERNAME, "
                    + "MLOPS_GIT_PASSWORD) or the SSH key (MLOPS_GIT_SSH_KEY) and that it may access this "
                    + "repository.", secrets));
            case NO_BRANCH -> new RemoteFailure(reason, MlopsException.Kind.INPUT,
                    branchMissing(url, branch, secrets).getMessage());
            case NO_REPOSITORY -> new RemoteFailure(reason, MlopsException.Kind.INPUT, mask(prefix
                    + "there is no git repository at this URL. Check the URL (owner, repository name, .git "
                    + "suffix).", secrets));
            // JGit gives a refused permission (HTTP 403) no type of its own either: the fix is named here too.
            case OTHER -> new RemoteFailure(reason, MlopsException.Kind.INFRASTRUCTURE, mask(prefix
                    + firstLine(messages(failure)) + ". Check that the remote is a reachable git repository and that "
                    + "the credentials may access it, then retry.", secrets));
        };
    }

    /** {@code text} without the {@code secrets} (password, passphrase) or any URL user info. */
    public static String mask(final String text, final String... secrets) {
        return Secrets.mask(text, secrets);
    }

    private static String messages(final Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Wrapping exceptions often repeat their cause's text: keep each text once.
            if (t.getMessage() != null && all.indexOf(t.getMessage()) < 0) {
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
}
