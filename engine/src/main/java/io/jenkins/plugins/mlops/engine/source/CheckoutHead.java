package io.jenkins.plugins.mlops.engine.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** The commit a workspace is checked out at, for runs on a workspace that was fetched by someone else (Jenkins SCM). */
public final class CheckoutHead {
    private CheckoutHead() {
    }

    /** The head commit of {@code workspace} as if it had just been fetched, or empty when it is not a git checkout. */
    public static Optional<FetchResult> of(final Path workspace) {
        if (!Files.exists(workspace.resolve(".git"))) {
            return Optional.empty();
        }
        try (Git git = WorkspaceGit.open(workspace); RevWalk walk = new RevWalk(git.getRepository())) {
            ObjectId head = git.getRepository().resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            RevCommit commit = walk.parseCommit(head);
            return Optional.of(new FetchResult(commit.getName(), commit.getName(),
                    commit.getAuthorIdent().getName(), commit.getAuthorIdent().getEmailAddress(),
                    commit.getFullMessage(), List.of()));
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
