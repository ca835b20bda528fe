package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialSpec;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.study.TrialWorker;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * {@code mlops train --trial N --spec FILE}: the worker half of ask-and-tell on the command line. Trains the asked
 * trial on the Docker daemon of this environment ({@code DOCKER_HOST}) and prints the result {@code mlops tell} takes.
 */
final class AskedTrial {
    private final Path specFile;
    private final Integer number;
    private final String worker;

    AskedTrial(final Path specFile, final Integer number, final String worker) {
        this.specFile = specFile;
        this.number = number;
        this.worker = worker;
    }

    int train(final Path workspace, final MlopsConfig config, final boolean quiet, final boolean json,
            final RunLog log, final PrintWriter out, final PrintWriter err) throws JsonProcessingException {
        TrialSpec spec = read();
        // With --json, stdout carries only the result, so a shell can hand it to mlops tell as it is.
        TrainingOutput output = quiet ? TrainingOutput.discard() : TrainCommand.printing(json ? err : out, err);
        TrialReport report;
        CancelOnExit cancelOnExit = new CancelOnExit(Thread.currentThread());
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment(); cancelOnExit) {
            report = new TrialWorker(trainer).train(spec, workspace, config, workerName(), output, log);
        }
        finally {
            cancelOnExit.finished();
        }
        if (json) {
            out.println(TellCommand.JSON.writeValueAsString(report));
        }
        else {
            out.println("Trial " + report.number() + ": " + report.state()
                    + (report.metric() == null ? "" : ", metric " + report.metric())
                    + (report.message() == null ? "" : ": " + report.message()));
        }
        out.flush();
        return report.state() == TrialState.COMPLETE ? ExitCodes.TARGET_MET : ExitCodes.TARGET_NOT_MET;
    }

    /** The trial {@code number} of the spec file: one asked trial, or the array mlops ask printed. */
    private TrialSpec read() {
        if (number == null) {
            throw MlopsException.input("--spec needs --trial N: the number of the asked trial to train.");
        }
        try {
            JsonNode root = TellCommand.JSON.readTree(specFile.toFile());
            for (JsonNode node : root.isArray() ? root : TellCommand.JSON.createArrayNode().add(root)) {
                if (node.path("number").asInt() == number) {
                    return TellCommand.JSON.treeToValue(node, TrialSpec.class);
                }
            }
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the asked trials " + specFile + " (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); pass what 'mlops ask --json' printed.");
        }
        throw MlopsException.input("Trial " + number + " is not in " + specFile + "; train a number that "
                + "'mlops ask --json' printed there.");
    }

    private String workerName() {
        if (worker != null) {
            return worker;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return null;
        }
    }
}
