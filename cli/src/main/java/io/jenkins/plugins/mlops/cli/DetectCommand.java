package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.pipeline.Detecting;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlops detect [PATH]}: says which framework and architecture the training code uses, with the evidence, and
 * the trainer image that will train it. The engine's detect step ({@link Detecting}) does the work, as in the chain:
 * when PATH is the workspace or a file in it, the detection is recorded in the workspace's run.json. Exit 0 when a
 * trainer image fits, 2 when none does (unknown model type and no image set) or on bad input.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Detect the framework (keras, pytorch, sklearn, xgboost, tensorflow) and architecture (cnn, "
                + "ann, rnn, linear_regression, logistic_regression, knn, tree, svm, other) of the training code.",
                "PATH is a repository directory or one .py/.ipynb file, relative to the workspace."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a trainer image fits: the model type was recognised, or an image is set",
                "2:unknown model type and no image set, or bad input",
                "3:infrastructure problem"})
final class DetectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "A repository directory or a .py/.ipynb file, relative to the workspace (default: the "
                    + "workspace).")
    private String path;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace;

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @Option(names = "--image", description = "The trainer image to use whatever the framework.")
    private String image;

    @Option(names = "--json", description = "Print one JSON object: framework, architecture, entry, image, "
            + "confidence, partial, evidence.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = workspace.toAbsolutePath().normalize();
        Path target = path == null ? root : root.resolve(path).normalize();
        boolean inWorkspace = target.equals(root) || target.startsWith(root) && Files.isRegularFile(target);
        Path repository = inWorkspace ? root : Files.isDirectory(target) ? target : target.getParent();
        MlopsConfig settings = ConfigLoader.load(repository, config, Overrides.builder().image(image).build(),
                MlopsCommand.operator());

        RunLog log = new RunLog((error, line) -> {
            if (error || !json) {
                (error ? err : out).println(line);
            }
        });
        Detection detection;
        int exit = ExitCodes.TARGET_MET;
        try {
            detection = new Detecting().detect(root, target, settings, log);
        }
        catch (Detecting.Untrainable e) {
            // Show what was found, evidence included, then why it cannot be trained.
            detection = e.detection();
            err.println(e.getMessage());
            exit = ExitCodes.BAD_INPUT;
        }
        out.println(json ? JSON.writeValueAsString(asJson(detection)) : asText(detection));
        out.flush();
        err.flush();
        return exit;
    }

    /** Exactly the keys of the documented JSON object, in order; no image is {@code null}. */
    static Map<String, Object> asJson(final Detection detection) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("framework", detection.type().framework().id());
        answer.put("architecture", detection.type().architecture().id());
        answer.put("entry", detection.entry());
        answer.put("image", detection.image() == null || detection.image().isEmpty() ? null : detection.image());
        answer.put("confidence", detection.confidence());
        answer.put("partial", detection.partial());
        List<Map<String, Object>> evidence = detection.evidence().stream().map(item -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", item.file());
            entry.put("line", item.line());
            entry.put("signal", item.signal());
            return entry;
        }).toList();
        answer.put("evidence", evidence);
        return answer;
    }

    private static String asText(final Detection detection) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "framework:    %s%narchitecture: %s%nentry:        %s%n"
                + "image:        %s%nconfidence:   %.2f%s%n", detection.type().framework().id(),
                detection.type().architecture().id(), detection.entry(),
                detection.image().isEmpty() ? "-" : detection.image(), detection.confidence(),
                detection.partial() ? " (partial: some code could not be read)" : ""));
        if (!detection.evidence().isEmpty()) {
            text.append("evidence:").append(System.lineSeparator());
            detection.evidence().forEach(item -> text.append(String.format(Locale.ROOT, "  %s:%d  %s%n",
                    item.file(), item.line(), item.signal())));
        }
        return text.toString().stripTrailing();
    }
}
