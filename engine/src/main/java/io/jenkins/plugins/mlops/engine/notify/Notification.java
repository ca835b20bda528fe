package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import java.util.Objects;

/**
 * What the developer is told about: the chain (study, trials, gate verdict, published model), who wrote the trained
 * commit, and where the full report is.
 *
 * @param state        the chain state, as in {@code .mlops/run.json}
 * @param authorEmail  the e-mail address of the trained commit's author, or {@code null} when unknown
 * @param link         the build or report URL (http or https), or {@code null} when the front end has none
 */
public record Notification(ChainState state, String authorEmail, String link) {
    public Notification {
        Objects.requireNonNull(state, "state");
        authorEmail = authorEmail == null || authorEmail.isBlank() ? null : authorEmail;
        link = link == null || link.isBlank() ? null : link.trim();
    }

    /** A notification about {@code state} with no author and no link. */
    public static Notification of(final ChainState state) {
        return new Notification(state, null, null);
    }
}
