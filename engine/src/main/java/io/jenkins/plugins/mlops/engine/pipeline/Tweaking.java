package io.jenkins.plugins.mlops.engine.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.Strategy;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.source.CheckoutHead;
import io.jenkins.plugins.mlops.engine.source.FetchResult;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.source.TweakCommitter;
import io.jenkins.plugins.mlops.engine.study.TweakPusher;
import io.jenkins.plugins.mlops.engine.study.Tweaker;
import io.jenkins.plugins.mlops.engine.study.Tweakers;
import io.jenkins.plugins.mlops.engine.study.ViaGitTweak;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tweak step on its own ({@code mlops tweak}, {@code mlopsTweak}): makes the next trial's tweak from run.json and
 * records it as the TWEAK step. In-build mode leaves the tweak in the workspace for the next train step (sampled
 * parameters in {@value #PARAMS_FILE}, or the entry edited in place). Via-git mode edits the entry in the checkout,
 * commits it with the trailers of the trial just checked and pushes it to origin, so the next poll trains it; the
 * trailers in the git history bound it by max trials. When the latest gate passed there is nothing to tweak.
 */
public final class Tweaking {
    /** The parameters of the next trial, relative to the workspace. */
    public static final String PARAMS_FILE = ChainStateStore.STATE_DIR + "/params.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Clock clock;

    /** A tweak step on the system clock. */
    public Tweaking() {
        this(Clock.systemUTC());
    }

    Tweaking(final Clock clock) {
        this.clock = clock;
    }

    /**
     * What to tweak.
     *
     * @param workspace   the model repository
     * @param config      its configuration: mode, max trials, strategy, search space, sampler and seed
     * @param branch      the branch a via-git tweak is pushed to, or {@code null} for the branch checked out
     * @param credentials how to push a via-git tweak, {@code null} for none
     */
    public record Order(Path workspace, MlopsConfig config, String branch, GitCredentials credentials) {
        public Order {
            credentials = credentials == null ? GitCredentials.NONE : credentials;
        }
    }

    /**
     * What the step did.
     *
     * @param strategy {@link Strategy#SEARCH_SPACE} or {@link Strategy#SOURCE_REWRITE}
     * @param tweak    the tweak made, or {@code null} when none was made
     * @param file     the file written: {@value #PARAMS_FILE} or the edited entry; {@code null} when nothing was made
     * @param commit   the pushed commit of a via-git tweak, or {@code null}
     * @param reason   why the step ended as it did
     */
    public record Result(Strategy strategy, Tweaker.Tweak tweak, String file, String commit, String reason) {
        static Result none(final Strategy strategy, final String reason) {
            return new Result(strategy, null, null, null, reason);
        }

        /** Whether a tweak was made. */
        public boolean made() {
            return tweak != null;
        }

        /** The sampled parameters (empty for a source edit or when nothing was made). */
        public Map<String, Object> params() {
            return made() && tweak.params() != null ? tweak.params() : Map.of();
        }

        /** One line saying what changed, or {@code null}. */
        public String change() {
            return made() ? tweak.change() : null;
        }

        /** The unified diff of a source edit, or {@code null}. */
        public String diff() {
            return made() ? tweak.diff() : null;
        }

        /** What a source edit changed, as data, or {@code null}. */
        public EditRecord edit() {
            return made() ? tweak.edit() : null;
        }
    }

    /** Makes one tweak in {@code order}'s workspace, or says why not; a failed push leaves the checkout as trained. */
    public Result tweak(final Order order, final RunLog log) {
        Path workspace = order.workspace().toAbsolutePath().normalize();
        MlopsConfig config = order.config();
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.load().orElse(null);
        GateResult gate = state == null ? null : state.gate();
        Instant started = clock.instant();
        Result result;
        try {
            Strategy strategy = Tweakers.usesSearchSpace(config) ? Strategy.SEARCH_SPACE : Strategy.SOURCE_REWRITE;
            if (gate != null && gate.verdict() == Verdict.PASSED) {
                log.info("Not tweaking: the gate passed (%s), so the model stays as it is", gate.reason());
                return Result.none(strategy, "the gate passed");
            }
            result = config.study().mode() == Mode.VIA_GIT ? viaGit(order, workspace, state, log)
                    : inBuild(workspace, config, state, strategy == Strategy.SEARCH_SPACE, log);
        }
        catch (MlopsException e) {
            record(store, StepState.FAILED, started, e.getMessage());
            throw e;
        }
        if (result.made()) {
            record(store, StepState.SUCCESS, started,
                    result.change() + (result.commit() == null ? "" : " (pushed "
                            + ViaGitTweak.abbreviate(result.commit()) + ")"));
        }
        else {
            log.info("No tweak: %s", result.reason());
            record(store, StepState.UNSTABLE, started, result.reason());
        }
        return result;
    }

    private Result inBuild(final Path workspace, final MlopsConfig config, final ChainState state,
            final boolean searchSpace, final RunLog log) {
        Strategy strategy = searchSpace ? Strategy.SEARCH_SPACE : Strategy.SOURCE_REWRITE;
        List<TrialRecord> trials = state == null ? List.of() : state.trials();
        long finished = trials.stream().filter(t -> t.state().isFinished()).count();
        if (finished >= config.study().budget().maxTrials()) {
            return Result.none(strategy, "reached max trials (" + config.study().budget().maxTrials() + ")");
        }
        Detection detection = searchSpace ? state == null ? null : state.detection()
                : new Detecting(clock).detectedOrDetect(workspace, config, "tweaking", log);
        String entry = detection == null ? config.entry() : detection.entry();
        Tweaker tweaker = searchSpace ? Tweakers.searchSpace(config)
                : Tweakers.sourceRewrite(config, detection.type());
        Optional<Tweaker.Tweak> tweak = tweaker.next(workspace, entry, trials, log);
        if (tweak.isEmpty()) {
            return Result.none(strategy, searchSpace ? "the sampler has tried every point of the search space"
                    : "no safe tweak applies to " + entry + " any more");
        }
        Tweaker.Tweak made = tweak.get();
        if (searchSpace) {
            writeParams(workspace, made.params());
            log.info("Sampled %s (written to %s)", made.change(), PARAMS_FILE);
        }
        new PendingTweak(made.params(), made.diff(), made.change(), made.edit()).save(workspace);
        return new Result(strategy, made, searchSpace ? PARAMS_FILE : entry, null,
                "left in the workspace for the next train step");
    }

    private Result viaGit(final Order order, final Path workspace, final ChainState state, final RunLog log) {
        if (state == null || state.gate() == null) {
            throw MlopsException.input("There is no checked trial in " + new ChainStateStore(workspace).file()
                    + ": train and check the model (mlops check, mlopsCheckAccuracy) before a via-git tweak, which "
                    + "records the checked metric in its commit.");
        }
        Detection detection = new Detecting(clock).detectedOrDetect(workspace, order.config(), "tweaking", log);
        Optional<String> head = CheckoutHead.of(workspace).map(FetchResult::commit);
        if (head.isEmpty()) {
            throw MlopsException.input("via-git mode needs a git checkout, and " + workspace + " is none: fetch the "
                    + "repository (mlops fetch URL, mlopsFetch or a Jenkins SCM) or use mode: in-build.");
        }
        Optional<TrialRecord> checked = state.trials().stream().max(Comparator.comparingInt(TrialRecord::number));
        String trained = checked.map(TrialRecord::sourceCommit).orElse(null);
        if (trained != null && !trained.equals(head.get())) {
            // A second tweak (a retried step, a script run twice) would push a commit claiming the last metric for
            // a trial that was never trained, and use up one of the trials.
            return Result.none(Strategy.SOURCE_REWRITE, "the checkout is at " + ViaGitTweak.abbreviate(head.get())
                    + ", not at " + ViaGitTweak.abbreviate(trained) + " which trial " + checked.get().number()
                    + " trained: its tweak was pushed already; train and check the new commit first");
        }
        MlopsConfig config = order.config();
        List<TrialTrailers.RecordedTrial> recorded = TrialTrailers.read(workspace);
        int trial = ViaGitTweak.current(recorded);
        if (trial >= config.study().budget().maxTrials()) {
            return Result.none(Strategy.SOURCE_REWRITE, "reached max trials (" + config.study().budget().maxTrials()
                    + ") counted from the MLOps-Trial trailers in the git history");
        }
        GateResult gate = state.gate();
        Double metric = gate.verdict() == Verdict.BELOW_TARGET ? gate.value() : null;
        List<TrialRecord> history = new ArrayList<>(ViaGitTweak.history(recorded));
        history.add(ViaGitTweak.recordedTrial(recorded, trial, metric));
        String branch = order.branch() != null ? order.branch() : TweakCommitter.branchOf(workspace);
        TweakPusher pusher = (checkout, file, message, pushLog) -> TweakCommitter.commitAndPush(checkout, file,
                message, branch, order.credentials(), Publishing.committer(config, workspace));
        String entry = detection.entry();
        Optional<ViaGitTweak.Pushed> pushed = new ViaGitTweak(
                Tweakers.sourceRewrite(config, detection.type()), pusher)
                .push(workspace, entry, history, trial, metric, gate.target(), log);
        if (pushed.isEmpty()) {
            return Result.none(Strategy.SOURCE_REWRITE, "no safe tweak applies to " + entry + " any more");
        }
        return new Result(Strategy.SOURCE_REWRITE, pushed.get().tweak(), entry, pushed.get().commit(),
                "tweak for trial " + (trial + 1) + " pushed to " + branch);
    }

    /** Records the step when there is a chain state to record it in (sampling needs none). */
    private void record(final ChainStateStore store, final StepState result, final Instant started,
            final String summary) {
        store.load().ifPresent(state -> store.save(Steps.record(state, Step.TWEAK, result, started,
                clock.millis() - started.toEpochMilli(), summary)));
    }

    private static void writeParams(final Path workspace, final Map<String, Object> params) {
        try {
            AtomicFiles.write(StateFolder.check(workspace.resolve(PARAMS_FILE)), JSON.writeValueAsBytes(params));
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot write " + workspace.resolve(PARAMS_FILE) + ": " + e.getMessage()
                    + ". Check the workspace's permissions.");
        }
    }
}
