package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.TrialLease;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialSpec;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A study driven from outside (Optuna's ask-and-tell): a scheduler asks for up to k trials, trains them wherever it
 * likes with {@link TrialWorker}, and tells each outcome. The study lives in run.json of its home workspace; every ask
 * and tell is one locked read-modify-write of it, so workers telling at once never lose each other's results. Tells
 * are idempotent by trial number; a result that arrives after its lease expired (the trial was marked FAILED) or
 * after the study stopped is still recorded. The study stops by the rules of the in-build loop.
 */
public final class AskTell {
    /** How the message of a trial failed by its lease starts, so a late result may still replace it. */
    static final String LEASE_EXPIRED = "No result before the lease expired";

    private final Path home;
    private final ChainStateStore store;
    private final MlopsConfig config;
    private final StopRules stopRules;
    private final Clock clock;

    /** A study at {@code home} (the workspace holding run.json), configured by {@code config}. */
    public AskTell(final Path home, final MlopsConfig config) {
        this(home, config, Clock.systemUTC());
    }

    AskTell(final Path home, final MlopsConfig config, final Clock clock) {
        this.home = home.toAbsolutePath().normalize();
        TrackedState.refuse(this.home);
        this.store = new ChainStateStore(this.home);
        this.config = config;
        this.stopRules = new StopRules(config, StopRules.plateau(config));
        this.clock = clock;
    }

    /** The lease of a trial when the caller names none: its training timeout and five minutes for the checkout. */
    public Duration defaultLease() {
        return config.train().timeout().plusMinutes(5);
    }

    /**
     * Asks for up to {@code count} new trials, recorded RUNNING under a lease of {@code lease}. Fewer (or none) come
     * back when the study has stopped, max trials leaves less room, or the tweaks are not independent (source edits
     * build on the best trial, so one runs at a time).
     */
    public List<TrialSpec> ask(final int count, final String worker, final Duration lease, final RunLog log) {
        if (count < 1) {
            throw MlopsException.input("Ask for at least one trial (--count " + count + ").");
        }
        return store.locked(() -> {
            ChainState state = expireLeases(store.loadOrStart().withObjective(config.objective()), log);
            String stop = stopReason(state);
            if (stop != null) {
                store.save(state);
                log.info("Not asking for trials: the study has stopped (%s)", stop);
                return List.of();
            }
            boolean searchSpace = Tweakers.usesSearchSpace(config);
            int running = (int) state.trials().stream().filter(t -> t.state() == TrialState.RUNNING).count();
            int room = Math.min(count, config.study().budget().maxTrials() - state.trials().size());
            if (!searchSpace) {
                room = running > 0 ? 0 : Math.min(room, 1);
            }
            Tweaker tweaker = tweaker(state, searchSpace);
            String entry = entry(state);
            List<TrialSpec> specs = new ArrayList<>();
            for (int i = 0; i < room; i++) {
                Optional<Asked> asked = next(state, tweaker, searchSpace, entry, worker, lease, log);
                if (asked.isEmpty()) {
                    break;
                }
                TrialSpec made = asked.get().spec();
                specs.add(made);
                Instant now = clock.instant();
                state = state.withTrial(TrialRecord.running(made.number(), made.params(), made.diff(),
                        made.change(), state.sourceCommit(), now.toString()).withLease(made.lease())
                        .withEdit(asked.get().edit()));
                if (made.number() > 1) {
                    state = Steps.record(state, Step.TWEAK, StepState.SUCCESS, now, 0, made.change());
                }
            }
            store.save(state);
            return specs;
        });
    }

    /** Records {@code report}; a trial told before is left as first told. */
    public StudyStatus tell(final TrialReport report, final RunLog log) {
        if (!report.state().isFinished()) {
            throw MlopsException.input("Trial " + report.number() + " is told as RUNNING; tell a finished state "
                    + "(COMPLETE, FAILED, TIMED_OUT or CANCELLED).");
        }
        return store.locked(() -> {
            ChainState state = expireLeases(store.load().orElseThrow(() -> MlopsException.input("There is no study in "
                    + store.file() + " to tell trial " + report.number() + " to: ask for trials there first.")), log);
            TrialRecord trial = state.trial(report.number()).orElseThrow(() -> MlopsException.input("Trial "
                    + report.number() + " was never asked in " + store.file() + "; tell only numbers that ask "
                    + "handed out."));
            if (trial.state().isFinished() && !failedByLease(trial)) {
                log.info("Trial %d was told already (%s); this result is not recorded again", trial.number(),
                        trial.state());
                return StudyStatus.of(state, config, stopReason(state));
            }
            ChainState next = StudyRecords.record(state, report, clock.instant());
            Optional<TrialRecord> best = next.best();
            if (state.gate() != null && (best.isEmpty() || best.get().number() != report.number())) {
                // The gate shows the best trial's verdict, which publish and notify act on, not the latest told.
                next = next.withGate(state.gate());
            }
            store.save(next);
            log.info("Trial %d told: %s%s", report.number(), report.state(),
                    report.metric() == null ? "" : ", metric " + report.metric());
            return StudyStatus.of(next, config, stopReason(next));
        });
    }

    /** Where the study stands, with expired leases marked FAILED. */
    public StudyStatus status(final RunLog log) {
        return store.locked(() -> {
            ChainState state = expireLeases(store.loadOrStart().withObjective(config.objective()), log);
            store.save(state);
            return StudyStatus.of(state, config, stopReason(state));
        });
    }

    /** An asked trial: what the worker gets, and the record of its edit, which stays in the home's run.json. */
    private record Asked(TrialSpec spec, EditRecord edit) {
    }

    private Optional<Asked> next(final ChainState state, final Tweaker tweaker, final boolean searchSpace,
            final String entry, final String worker, final Duration lease, final RunLog log) {
        int number = state.nextTrialNumber();
        TrialLease trialLease = new TrialLease(worker, clock.instant().plus(lease).toString());
        String image = image(state);
        if (number == 1) {
            return Optional.of(new Asked(new TrialSpec(state.chainId(), 1, entry, image, tweaker.firstParams(), null,
                    null, "baseline", trialLease), null));
        }
        TrialWorkspaces workspaces = new TrialWorkspaces(home);
        // A source edit builds on the best trial's code, kept in its work directory of the home workspace.
        Path bestDir = state.best().filter(b -> b.number() > 1).map(b -> workspaces.workDir(b.number()))
                .filter(Files::isDirectory).orElse(null);
        Path workDir = searchSpace ? home : workspaces.prepare(number, entry, bestDir);
        Optional<Tweaker.Tweak> tweak = tweaker.next(workDir, entry, state.trials(), log);
        if (tweak.isEmpty()) {
            return Optional.empty();
        }
        Tweaker.Tweak made = tweak.get();
        log.info("Trial %d asked: %s", number, made.change());
        return Optional.of(new Asked(new TrialSpec(state.chainId(), number, entry, image, made.params(),
                searchSpace ? null : read(workDir.resolve(entry)), made.diff(), made.change(), trialLease),
                made.edit()));
    }

    private Tweaker tweaker(final ChainState state, final boolean searchSpace) {
        if (searchSpace) {
            return Tweakers.searchSpace(config);
        }
        if (state.detection() == null) {
            throw MlopsException.input("No detection in " + store.file() + ": run 'mlops detect' (mlopsDetect) in "
                    + "the study's workspace first, so that source edits know the model type.");
        }
        return Tweakers.sourceRewrite(config, state.detection().type());
    }

    private String entry(final ChainState state) {
        Detection detection = state.detection();
        String entry = config.entry() != null ? config.entry() : detection == null ? null : detection.entry();
        if (entry == null) {
            throw MlopsException.input("No training script named in " + home + ": set `entry:` in mlops.yml or run "
                    + "'mlops detect' (mlopsDetect) in the study's workspace first.");
        }
        return entry;
    }

    private String image(final ChainState state) {
        return config.image() != null ? config.image()
                : state.detection() == null ? null : config.checkedRecordedImage(state.detection().image(), store.file());
    }

    /** Trials whose lease ran out are FAILED: their worker died or lost its Docker daemon, and never told. */
    private ChainState expireLeases(final ChainState state, final RunLog log) {
        Instant now = clock.instant();
        ChainState next = state;
        for (TrialRecord trial : state.trials()) {
            if (trial.state() == TrialState.RUNNING && trial.lease() != null && trial.lease().isExpired(now)) {
                String message = LEASE_EXPIRED + " at " + trial.lease().expiresAt()
                        + (trial.lease().worker() == null ? "" : " (worker " + trial.lease().worker() + ")")
                        + "; its worker may have died.";
                log.info("Trial %d failed: %s", trial.number(), message);
                next = next.withTrial(trial.finish(TrialState.FAILED, null, 0, null, message));
            }
        }
        return next;
    }

    static boolean failedByLease(final TrialRecord trial) {
        return trial.state() == TrialState.FAILED && trial.message() != null
                && trial.message().startsWith(LEASE_EXPIRED);
    }

    private String stopReason(final ChainState state) {
        Instant started = state.trials().stream().map(TrialRecord::startedAt).filter(s -> s != null)
                .map(Instant::parse).min(Instant::compareTo).orElse(clock.instant());
        return stopRules.reason(state, started, clock.instant());
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot read the edited entry " + file + ": " + e.getMessage());
        }
    }
}
