package io.jenkins.plugins.mlops.engine.publish;

import io.jenkins.plugins.mlops.engine.model.PublishedModel;
import java.io.Serializable;
import java.util.List;

/**
 * What was published (or, in a dry run, would be).
 *
 * @param published where the model went: remote (masked), branch, commit ({@code null} in a dry run) and tag
 * @param files     the paths committed, model card included
 * @param parent    the commit the model commit sits on, or {@code null} for a first, parentless commit
 * @param attempts  how many pushes it took (a push race costs one more)
 * @param dryRun    whether nothing was changed
 */
public record PublishResult(PublishedModel published, List<String> files, String parent, int attempts,
        boolean dryRun) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PublishResult {
        files = List.copyOf(files);
    }
}
