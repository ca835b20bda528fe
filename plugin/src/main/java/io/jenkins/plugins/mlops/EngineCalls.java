package io.jenkins.plugins.mlops;

import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;

/**
 * The only place where the plugin calls the engine's stages: one method per step, run on the agent. Each reads the
 * workspace's run state, lets the engine do the step and returns the new state, which the engine has also saved,
 * so running the steps one by one in Jenkins equals {@code mlops run}.
 */
final class EngineCalls {
    private EngineCalls() {
    }

    /** Runs {@code order} in {@code workspace} and returns the run state after it. */
    static RunState run(final StepOrder order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        RunState state = new RunStateStore(workspace).loadOrStart();
        if (order instanceof StepOrder.Fetch fetch) {
            return fetch(fetch, workspace, state, log);
        }
        if (order instanceof StepOrder.Detect detect) {
            return detect(detect, settings, workspace, state, log);
        }
        if (order instanceof StepOrder.Train train) {
            return train(train, settings, workspace, state, log);
        }
        if (order instanceof StepOrder.Check check) {
            return check(check, workspace, state, log);
        }
        if (order instanceof StepOrder.Tweak tweak) {
            return tweak(tweak, workspace, state, log);
        }
        if (order instanceof StepOrder.Notify notify) {
            return notify(notify, settings, workspace, state, log);
        }
        if (order instanceof StepOrder.Publish publish) {
            return publish(publish, workspace, state, log);
        }
        return loop((StepOrder.Loop) order, settings, workspace, state, log);
    }

    private static RunState fetch(final StepOrder.Fetch order, final Path workspace, final RunState state,
            final RunLog log) {
        throw unavailable("fetch", "engine.source.RepositoryFetcher");
    }

    private static RunState detect(final StepOrder.Detect order, final EngineSettings settings,
            final Path workspace, final RunState state, final RunLog log) {
        throw unavailable("detect", "engine.detect.ModelTypeDetector");
    }

    private static RunState train(final StepOrder.Train order, final EngineSettings settings, final Path workspace,
            final RunState state, final RunLog log) {
        throw unavailable("train", "engine.train.ContainerTrainer");
    }

    private static RunState check(final StepOrder.Check order, final Path workspace, final RunState state,
            final RunLog log) {
        throw unavailable("check", "engine.gate.AccuracyGate");
    }

    private static RunState tweak(final StepOrder.Tweak order, final Path workspace, final RunState state,
            final RunLog log) {
        throw unavailable("tweak", "engine.tune");
    }

    private static RunState notify(final StepOrder.Notify order, final EngineSettings settings,
            final Path workspace, final RunState state, final RunLog log) {
        throw unavailable("notify", "engine.notify.DeveloperNotifier");
    }

    private static RunState publish(final StepOrder.Publish order, final Path workspace, final RunState state,
            final RunLog log) {
        throw unavailable("publish", "engine.publish.ModelPublisher");
    }

    private static RunState loop(final StepOrder.Loop order, final EngineSettings settings, final Path workspace,
            final RunState state, final RunLog log) {
        throw unavailable("loop", "engine.pipeline");
    }

    private static MlopsException unavailable(final String step, final String stage) {
        return MlopsException.infrastructure("The " + step + " step needs the engine stage " + stage
                + ", which this build of the mlops plugin does not contain yet; install a newer mlops plugin.");
    }
}
