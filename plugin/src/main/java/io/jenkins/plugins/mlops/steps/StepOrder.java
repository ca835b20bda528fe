package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialSpec;
import java.io.Serializable;
import java.util.List;

/**
 * The engine work one step asks for, with credentials already resolved, as it travels to the agent. Built on the
 * controller from a step's settings ({@link StepSettings#order}) and run there by {@link EngineCalls}.
 */
public sealed interface StepOrder extends Serializable {
    /**
     * Clone or update the model repository into the workspace.
     *
     * @param url         the repository URL
     * @param branch      the branch to check out
     * @param credentials how to authenticate
     */
    record Fetch(String url, String branch, GitCredentials credentials) implements StepOrder {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Detect framework and architecture of the training script.
     *
     * @param entry the training entry point relative to the workspace, or empty to let the engine find it
     */
    record Detect(String entry) implements StepOrder {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Train one trial in a container.
     *
     * @param image          the trainer image, or empty for the image configured for the detected framework
     * @param timeoutMinutes how long the container may run, or {@code null} when the step does not say
     */
    record Train(String image, Integer timeoutMinutes) implements StepOrder {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Judge the latest trial's metric against the target.
     *
     * @param metric the metric name, e.g. {@code accuracy}
     * @param target the value to reach, or {@code null} when the step does not say
     */
    record Check(String metric, Double target) implements StepOrder {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Change the model for the next trial.
     *
     * @param mode        {@code via-git} (commit and push the tweak) or {@code in-build}
     * @param maxTrials   the bound on trials of this study, or {@code null} when the step does not say
     * @param credentials how to push in via-git mode
     */
    record Tweak(String mode, Integer maxTrials, GitCredentials credentials) implements StepOrder {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Mail the developers about the result.
     *
     * @param recipients comma-separated addresses
     * @param reportLink the build's MLOps page, which the mail links to, or {@code null}
     */
    record Notify(String recipients, String reportLink) implements StepOrder {
        private static final long serialVersionUID = 1L;

        /** Mail {@code recipients}, with no link yet. */
        Notify(final String recipients) {
            this(recipients, null);
        }

        /** This order, linking the mail to {@code link}. */
        Notify linkedTo(final String link) {
            return new Notify(recipients, link);
        }
    }

    /**
     * Push the trained model to a git branch and tag it.
     *
     * @param remote      the remote URL, or empty for the repository this build fetched
     * @param branch      the models branch
     * @param credentials how to push
     */
    record Publish(String remote, String branch, GitCredentials credentials) implements StepOrder {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The whole chain with the bounded train-check-tweak loop.
     *
     * @param fetch   how to fetch
     * @param train   how to train each trial
     * @param check   what the gate judges
     * @param tweak   how trials differ and how many there may be
     * @param mail    whom to tell
     * @param publish where the winning model goes
     */
    record Loop(Fetch fetch, Train train, Check check, Tweak tweak, Notify mail, Publish publish)
            implements StepOrder {
        private static final long serialVersionUID = 1L;

        /** This order, linking the chain's mail to {@code link}. */
        Loop linkedTo(final String link) {
            return new Loop(fetch, train, check, tweak, mail.linkedTo(link), publish);
        }
    }

    /**
     * Ask the study in the workspace for new trials (ask-and-tell).
     *
     * @param count        how many trials at most
     * @param leaseMinutes how long a trial may stay without a result, or {@code null} for the training timeout + 5 min
     */
    record Ask(int count, Integer leaseMinutes) implements StepOrder {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Train one asked trial in a copy of the workspace (a fresh checkout on any agent) and report its result.
     *
     * @param trial          the asked trial, by value
     * @param image          the trainer image, or empty for the trial's
     * @param timeoutMinutes how long the container may run, or {@code null} when the step does not say
     * @param worker         the agent's name, recorded where the trial's model files are
     */
    record TrainAsked(TrialSpec trial, String image, Integer timeoutMinutes, String worker) implements StepOrder {
        private static final long serialVersionUID = 1L;

        /** This order, naming the agent it runs on. */
        TrainAsked on(final String agent) {
            return new TrainAsked(trial, image, timeoutMinutes, agent);
        }
    }

    /**
     * Tell the study in the workspace the results of asked trials.
     *
     * @param reports the results, as the trials' mlopsTrain returned them
     */
    record Tell(List<TrialReport> reports) implements StepOrder {
        private static final long serialVersionUID = 1L;

        public Tell {
            reports = List.copyOf(reports);
        }
    }
}
