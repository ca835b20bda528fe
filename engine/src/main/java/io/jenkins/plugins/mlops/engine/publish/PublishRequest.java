package io.jenkins.plugins.mlops.engine.publish;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.source.Committer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to publish and where.
 *
 * @param workspace      the checkout whose {@code origin} is the default remote (and whose git objects are reused)
 * @param remote         the remote URL, or {@code null} for the workspace's {@code origin}
 * @param branch         the branch the model goes to, or {@code null} for {@code mlops/models}
 * @param credentials    how to authenticate to the remote
 * @param filesDir       where the files are read from (e.g. the best trial's work directory), or {@code null} for
 *                       the workspace
 * @param files          the weights and the winning entry code, relative to {@code filesDir}; committed at the same
 *                       paths
 * @param card           the model card, written as MODEL_CARD.md and model-card.json
 * @param tag            the tag name (see {@link ModelTags#name})
 * @param sizeLimitBytes the largest file that may be committed; 0 or less for the default 100 MB
 * @param dryRun         only report what would be committed and pushed
 * @param committer      who the commit and the tag are from, or {@code null} for the default of the workspace
 */
public record PublishRequest(Path workspace, String remote, String branch, GitCredentials credentials,
        Path filesDir, List<String> files, ModelCard card, String tag, long sizeLimitBytes, boolean dryRun,
        Committer committer) {
    /** The branch used when none is given. */
    public static final String DEFAULT_BRANCH = "mlops/models";
    /** The size limit used when none is given: 100 MB, as git hosts refuse larger files. */
    public static final long DEFAULT_SIZE_LIMIT = 100L * 1024 * 1024;

    public PublishRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(tag, "tag");
        branch = branch == null || branch.isBlank() ? DEFAULT_BRANCH : branch;
        credentials = credentials == null ? GitCredentials.NONE : credentials;
        filesDir = filesDir == null ? workspace : filesDir;
        files = files == null ? List.of() : List.copyOf(files);
        sizeLimitBytes = sizeLimitBytes <= 0 ? DEFAULT_SIZE_LIMIT : sizeLimitBytes;
        committer = committer == null ? Committer.of(null, null, workspace) : committer;
    }
}
