package io.jenkins.plugins.mlops.engine.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The one door to git repositories on the host (issue 13.1). A workspace's .git is written by a pushed repository
 * (its history, and whatever a training or the repository put there), so every repository the tool opens runs no
 * program named by it: hooks are never looked up ({@link ToolFs}), and the repository's own configuration is seen
 * without the keys that run programs, redirect URLs or weaken transport security ({@link ToolRepository}). The work
 * tree is always the one the tool names, never a {@code core.worktree} of the repository's choosing. An ArchUnit rule
 * keeps every other class from opening repositories itself.
 */
public final class WorkspaceGit {
    private WorkspaceGit() {
    }

    /** The repository of the checkout {@code workTree} (its {@code .git} folder). */
    public static Git open(final Path workTree) throws IOException {
        Path gitDir = workTree.resolve(Constants.DOT_GIT);
        if (!Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(workTree + " is not a git checkout: its .git is no folder");
        }
        return new OwningGit(new ToolRepository(new FileRepositoryBuilder().setGitDir(gitDir.toFile())
                .setWorkTree(workTree.toFile()).setFS(ToolFs.INSTANCE).setMustExist(true).setup()));
    }

    /** An existing repository by its git folder, bare or not, without touching a work tree. */
    public static Repository openGitDir(final Path gitDir) throws IOException {
        return new ToolRepository(new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare()
                .setFS(ToolFs.INSTANCE).setMustExist(true).setup());
    }

    /** A bare repository at {@code gitDir}, created when {@code create} and it does not exist yet. */
    public static Repository bare(final Path gitDir, final boolean create) throws IOException {
        Repository repository = new ToolRepository(new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare()
                .setFS(ToolFs.INSTANCE).setup());
        if (create && !Files.isDirectory(gitDir)) {
            repository.create(true);
        }
        return repository;
    }

    /** A new, empty repository in {@code workTree} with {@code branch} as its first branch. */
    public static Git init(final Path workTree, final String branch) throws IOException {
        try {
            Git.init().setDirectory(workTree.toFile()).setInitialBranch(branch).setFs(ToolFs.INSTANCE).call().close();
        }
        catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
        return open(workTree);
    }

    /** A new, empty bare repository at {@code gitDir} with {@code branch} as its first branch. */
    public static Repository initBare(final Path gitDir, final String branch) throws IOException {
        try {
            Git.init().setBare(true).setDirectory(gitDir.toFile()).setInitialBranch(branch).setFs(ToolFs.INSTANCE)
                    .call().close();
        }
        catch (GitAPIException e) {
            throw new IOException(e.getMessage(), e);
        }
        return openGitDir(gitDir);
    }

    /** A {@link Git} that closes its repository when closed, as {@link Git#open} does (wrapping does not). */
    private static final class OwningGit extends Git {
        OwningGit(final Repository repository) {
            super(repository);
        }

        @Override
        public void close() {
            super.close();
            getRepository().close();
        }
    }
}
