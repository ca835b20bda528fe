package io.jenkins.plugins.mlops.archfixture.engine.source;

import java.io.File;
import java.io.IOException;
import org.eclipse.jgit.api.Git;

/** Opens a repository with JGit's defaults, where the repository's hooks and filters would run. */
public final class SourceOpeningGitItself {
    private SourceOpeningGitItself() {
    }

    static Git open(final File dir) throws IOException {
        return Git.open(dir);
    }
}
