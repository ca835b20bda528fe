package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.pipeline.Chain;
import io.jenkins.plugins.mlops.engine.pipeline.ChainRequest;
import io.jenkins.plugins.mlops.engine.pipeline.ChainResult;
import io.jenkins.plugins.mlops.engine.study.StudyOutcome;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the chain for {@code mlops run}, {@code mlops demo} and {@code mlops watch}: prints as it goes, ends with the
 * summary (or one JSON object), and maps the verdict to the exit code. Ctrl-C interrupts the chain (CancelOnExit),
 * which kills and removes a running container before the JVM exits.
 */
final class ChainExecution {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainExecution() {
    }

    static ChainResult run(final CommandLine.Model.CommandSpec spec, final ChainRequest request, final boolean json,
            final boolean quiet) {
        PrintWriter out = spec.commandLine().getOut();
        CancelOnExit cancelOnExit = new CancelOnExit(Thread.currentThread());
        try (cancelOnExit; ChainConsole console = new ChainConsole(out, spec.commandLine().getErr(), json, quiet);
                ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            ChainResult result = new Chain(trainer, new DeveloperNotifier(), System.getenv())
                    .run(request, console, console.log());
            if (json) {
                out.println(summaryJson(result));
                out.flush();
            }
            else {
                console.summary(result);
            }
            return result;
        }
        finally {
            cancelOnExit.finished();
        }
    }

    /** 0 when the target was met, 1 when not. */
    static int exitCode(final ChainResult result) {
        return result.study().passed() ? ExitCodes.TARGET_MET : ExitCodes.TARGET_NOT_MET;
    }

    /** The summary object of {@code mlops run --json}. */
    static String summaryJson(final ChainResult result) {
        StudyOutcome study = result.study();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("verdict", study.verdict().name());
        summary.put("target", result.state().objective().target());
        if (study.best() == null) {
            summary.put("best", null);
        }
        else {
            Map<String, Object> best = new LinkedHashMap<>();
            best.put("trial", study.best().number());
            best.put("metric", study.best().metric());
            summary.put("best", best);
        }
        summary.put("trials", result.state().trials().size());
        summary.put("mode", result.state().mode().id());
        summary.put("run_state", result.stateFile());
        summary.put("report", result.report());
        summary.put("published", result.state().published());
        summary.put("reason", study.reason());
        try {
            return JSON.writeValueAsString(summary);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the summary as JSON", e);
        }
    }
}
