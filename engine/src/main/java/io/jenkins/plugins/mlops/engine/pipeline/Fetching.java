package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.source.CheckoutHead;
import io.jenkins.plugins.mlops.engine.source.FetchRequest;
import io.jenkins.plugins.mlops.engine.source.FetchResult;
import io.jenkins.plugins.mlops.engine.source.RepositoryFetcher;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The fetch step ({@code mlops fetch}, {@code mlopsFetch}, the chain's first step): clone or update the model
 * repository and record the commit in run.json. Without a URL the workspace is taken as checked out (by a Jenkins SCM).
 */
public final class Fetching {
    private final Clock clock;

    /** A fetch step on the system clock. */
    public Fetching() {
        this(Clock.systemUTC());
    }

    Fetching(final Clock clock) {
        this.clock = clock;
    }

    /**
     * Fetches {@code url} into {@code workspace}; with a {@code null} URL describes the workspace's checkout instead.
     *
     * @return the commit now checked out, or empty when the workspace is not a git checkout
     */
    public Optional<FetchResult> fetch(final Path workspace, final String url, final String branch,
            final GitCredentials credentials, final int depth, final RunLog log) {
        ChainStateStore store = new ChainStateStore(workspace);
        Instant started = clock.instant();
        if (url == null) {
            TrackedState.refuse(workspace);
            Optional<FetchResult> head = CheckoutHead.of(workspace);
            ChainState state = head.map(h -> store.loadOrStart().withSourceCommit(h.commit()))
                    .orElseGet(store::loadOrStart);
            store.save(Steps.record(state, Step.FETCH, StepState.SKIPPED, started, 0,
                    head.map(h -> "workspace at " + h.commit().substring(0, 8)).orElse("workspace as it is")));
            return head;
        }
        try {
            FetchResult result = new RepositoryFetcher().fetch(new FetchRequest(url, branch, credentials, workspace,
                    depth), log);
            store.save(Steps.record(store.loadOrStart().withSourceCommit(result.commit()), Step.FETCH,
                    StepState.SUCCESS, started, clock.millis() - started.toEpochMilli(),
                    result.commit().substring(0, 8) + " by " + result.authorName() + ", "
                            + result.changedFiles().size() + " file(s) changed"));
            return Optional.of(result);
        }
        catch (MlopsException e) {
            store.save(Steps.record(store.loadOrStart(), Step.FETCH, StepState.FAILED, started,
                    clock.millis() - started.toEpochMilli(), e.getMessage()));
            throw e;
        }
    }

    /**
     * The commit the workspace's chain last fetched and trained from, for a poll to compare the branch's head with.
     * A checkout that tracks {@code .mlops} is refused first: a run.json pushed with the code would name any commit
     * as trained already, and the poll would never train it.
     *
     * @return the commit, or empty when the workspace has no chain state or it names none
     * @throws io.jenkins.plugins.mlops.engine.util.MlopsException (input) for a checkout that tracks {@code .mlops}
     */
    public static Optional<String> lastFetched(final Path workspace) {
        TrackedState.refuse(workspace);
        return new ChainStateStore(workspace).load().map(ChainState::sourceCommit);
    }
}
