package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;

/**
 * Where a trained model was published.
 *
 * @param remote the remote URL, credentials masked
 * @param branch the branch the model commit went to
 * @param commit the model commit id
 * @param tag    the tag put on it
 */
public record PublishedModel(String remote, String branch, String commit, String tag) implements Serializable {
    private static final long serialVersionUID = 1L;
}
