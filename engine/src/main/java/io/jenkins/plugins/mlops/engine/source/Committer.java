package io.jenkins.plugins.mlops.engine.source;

import java.io.Serializable;
import java.nio.file.Path;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Who the tool's commits and tags are from (via-git tweaks, published models): the configured name and e-mail
 * ({@code git.committer_name}/{@code git.committer_email}, or the operator's {@code MLOPS_GIT_COMMITTER_*}), else
 * the tool and the job's folder, e.g. {@code mlops (fraud-model) <mlops@localhost>}, so that commits from several
 * jobs can be told apart.
 *
 * @param name  the committer's name
 * @param email the committer's e-mail address
 */
public record Committer(String name, String email) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String DEFAULT_EMAIL = "mlops@localhost";

    /** The configured committer, with the default for what is not configured ({@code null} or blank). */
    public static Committer of(final String name, final String email, final Path workspace) {
        Path folder = workspace.toAbsolutePath().normalize().getFileName();
        String fallback = folder == null ? "mlops" : "mlops (" + folder + ")";
        return new Committer(name == null || name.isBlank() ? fallback : name.strip(),
                email == null || email.isBlank() ? DEFAULT_EMAIL : email.strip());
    }

    /** An identity stamped now: each commit gets its own time, never the time a class was loaded. */
    public PersonIdent ident() {
        return new PersonIdent(name, email);
    }
}
