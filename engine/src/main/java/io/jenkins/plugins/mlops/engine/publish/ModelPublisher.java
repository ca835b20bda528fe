package io.jenkins.plugins.mlops.engine.publish;

import io.jenkins.plugins.mlops.engine.model.PublishedModel;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.model.TrialTrailer;
import io.jenkins.plugins.mlops.engine.source.GitErrors;
import io.jenkins.plugins.mlops.engine.source.GitTransport;
import io.jenkins.plugins.mlops.engine.source.WorkspaceGit;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;

/**
 * PublishModel: commits the trained weights, the winning code and a model card to a branch (default
 * {@code mlops/models}), tags the commit and pushes both atomically. The commit goes on top of the remote branch,
 * or, for a new branch, on the trained source commit. When someone pushed in between, the commit is rebuilt on the
 * new head and pushed again (3 tries); nothing is ever force-pushed. A dry run reports the plan and changes nothing.
 */
public final class ModelPublisher {
    static final int MAX_ATTEMPTS = 3;
    private static final String REMOTE_TRACKING = "refs/mlops/remote/";

    private final IntConsumer beforePush;

    /** A publisher. */
    public ModelPublisher() {
        this(attempt -> { });
    }

    /** A publisher that calls {@code beforePush} with the attempt number just before each push (a test seam). */
    ModelPublisher(final IntConsumer beforePush) {
        this.beforePush = beforePush;
    }

    /** Publishes {@code request}; see the class comment. */
    public PublishResult publish(final PublishRequest request, final RunLog log) {
        String[] secrets = request.credentials().secrets();
        List<StagedFiles.Staged> files = StagedFiles.of(request);
        Path workspace = request.workspace().toAbsolutePath().normalize();
        try (Repository repository = openRepository(workspace, request.dryRun())) {
            String url = request.remote() != null ? request.remote() : origin(repository, workspace);
            GitErrors.checkUrl(url, secrets);
            String shown = GitErrors.display(url);
            String branch = request.branch();
            for (int attempt = 1; ; attempt++) {
                ObjectId head = remoteHead(repository, url, request);
                ObjectId parent = head != null ? head : sourceCommit(repository, request.card());
                if (request.dryRun()) {
                    return dryRun(request, files, shown, head, parent, log);
                }
                if (head != null && !repository.getObjectDatabase().has(head)) {
                    fetch(repository, url, request);
                }
                ObjectId commit = ModelCommits.commit(repository, parent, files, message(request),
                        request.committer());
                ObjectId tag = ModelCommits.tag(repository, commit, request.tag(), message(request),
                        request.committer());
                beforePush.accept(attempt);
                ModelPush.Outcome outcome = ModelPush.push(repository, url, request, commit, tag);
                if (outcome == ModelPush.Outcome.PUSHED) {
                    log.info("Published %d file(s) to %s of %s as %s, tagged %s", files.size(), branch, shown,
                            commit.getName(), request.tag());
                    return new PublishResult(new PublishedModel(shown, branch, commit.getName(), request.tag()),
                            paths(files), parent == null ? null : parent.getName(), attempt, false);
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw MlopsException.infrastructure("Cannot publish to " + branch + " of " + shown + ": the "
                            + "branch moved on during each of " + MAX_ATTEMPTS + " attempts. Retry when pushes "
                            + "to it have calmed down.");
                }
                log.info("The branch %s of %s moved on while publishing (attempt %d); rebuilding the model commit "
                        + "on the new head", branch, shown, attempt);
            }
        }
        catch (IOException e) {
            throw MlopsException.infrastructure(GitErrors.mask("Cannot publish from " + workspace + ": "
                    + e.getMessage() + ". Check disk space and permissions of the workspace.", secrets));
        }
    }

    /**
     * The workspace's own repository (its objects are reused and it knows the source commit), or a private bare
     * one under .mlops when the workspace is not a checkout.
     */
    private static Repository openRepository(final Path workspace, final boolean dryRun) throws IOException {
        Path gitDir = workspace.resolve(Constants.DOT_GIT);
        if (Files.isDirectory(gitDir)) {
            return WorkspaceGit.openGitDir(gitDir);
        }
        return WorkspaceGit.bare(StateFolder.check(workspace.resolve(ChainStateStore.STATE_DIR).resolve("publish.git")),
                !dryRun);
    }

    private static String origin(final Repository repository, final Path workspace) {
        String url = repository.getConfig().getString("remote", Constants.DEFAULT_REMOTE_NAME, "url");
        if (url == null) {
            throw MlopsException.input("The workspace " + workspace + " has no 'origin' remote to publish to. "
                    + "Pass the remote URL (--remote URL, or publish.remote in mlops.yml).");
        }
        return url;
    }

    /** The remote head of the branch, or {@code null} when it does not exist; fails when the tag already does. */
    private static ObjectId remoteHead(final Repository repository, final String url, final PublishRequest request) {
        Map<String, Ref> refs = new HashMap<>();
        GitTransport.call(Git.lsRemoteRepository().setRemote(url), request.credentials(), "publish to", url,
                request.branch()).forEach(ref -> refs.put(ref.getName(), ref));
        if (refs.containsKey(Constants.R_TAGS + request.tag())) {
            throw ModelPush.tagExists(url, request);
        }
        Ref head = refs.get(Constants.R_HEADS + request.branch());
        return head == null ? null : head.getObjectId();
    }

    private static void fetch(final Repository repository, final String url, final PublishRequest request) {
        try (Git git = new Git(repository)) {
            GitTransport.call(git.fetch().setRemote(url).setRefSpecs(new RefSpec("+" + Constants.R_HEADS
                    + request.branch() + ":" + REMOTE_TRACKING + request.branch())), request.credentials(), "fetch",
                    url, request.branch());
        }
    }

    /** A new branch starts from the trained source commit when the workspace has it. */
    private static ObjectId sourceCommit(final Repository repository, final ModelCard card) throws IOException {
        if (card.sourceCommit() == null || !ObjectId.isId(card.sourceCommit())) {
            return null;
        }
        ObjectId id = ObjectId.fromString(card.sourceCommit());
        return repository.getObjectDatabase().has(id) ? id : null;
    }

    private static PublishResult dryRun(final PublishRequest request, final List<StagedFiles.Staged> files,
            final String shown, final ObjectId head, final ObjectId parent, final RunLog log) {
        log.info("Dry run: would commit %d file(s) to %s of %s on top of %s:", files.size(), request.branch(), shown,
                head != null ? "its head " + head.getName()
                        : parent != null ? "the source commit " + parent.getName() + " (new branch)"
                        : "nothing (new branch, first commit)");
        for (StagedFiles.Staged file : files) {
            log.info("  %s (%s)", file.path(), StagedFiles.megabytes(file.size()));
        }
        log.info("Dry run: would tag it %s and push branch and tag; nothing was changed.", request.tag());
        return new PublishResult(new PublishedModel(shown, request.branch(), null, request.tag()), paths(files),
                parent == null ? null : parent.getName(), 0, true);
    }

    private static String message(final PublishRequest request) {
        ModelCard card = request.card();
        return "Model " + request.tag() + ": " + card.metric() + " " + (card.value() == null ? "n/a" : card.value())
                + " (target " + card.target() + ", " + (card.verdict() == null ? "no verdict" : card.verdict())
                + ")\n\n" + card.framework() + "/" + card.architecture() + ", trained from "
                + (card.sourceCommit() == null ? "an unknown commit" : card.sourceCommit()) + ".\n"
                + (card.trial() == null ? "" : "\n" + TrialTrailer.lines(card.trial(), card.value(), card.target()));
    }

    private static List<String> paths(final List<StagedFiles.Staged> files) {
        return files.stream().map(StagedFiles.Staged::path).toList();
    }
}
