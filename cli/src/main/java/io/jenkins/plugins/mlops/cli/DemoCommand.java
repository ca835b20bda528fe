package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.pipeline.ChainRequest;
import io.jenkins.plugins.mlops.engine.pipeline.ChainResult;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code mlops demo}: creates a local "remote" repository holding a deliberately weak model on bundled data, then runs
 * the real chain against it: fetch, detect, train in a container, check, tweak and retrain until 0.90, notify (to
 * the outbox without SMTP), publish to the repository's models branch.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole chain on a generated demo repository (a weak digits model) and print where the "
                + "report, the mail and the published model are.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:target met and published", "1:target not met", "2:bad input", "3:infrastructure problem"})
final class DemoCommand implements Callable<Integer> {
    /** Marks a folder as made by the demo, so that only such a folder is ever emptied. */
    static final String MARKER = ".mlops-demo";
    private static final String AUTHOR = "Dana Scientist";
    private static final String AUTHOR_EMAIL = "dana@example.com";
    private static final List<String> FILES = List.of("train.py", "mlops.yml", "README.md");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--framework", description = "sklearn (default: a tiny MLP), pytorch (a small CNN) or keras "
            + "(a small CNN written as in 2020).")
    private String framework = "sklearn";

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the demo repository and workspace go "
            + "(default: demo-work; emptied first if an earlier demo made it).")
    private Path dir = Path.of("demo-work");

    @Option(names = "--quiet", description = "Hide the training output.")
    private boolean quiet;

    @Option(names = "--json", description = "Print one JSON summary object on stdout.")
    private boolean json;

    @Override
    public Integer call() {
        if (!List.of("sklearn", "pytorch", "keras").contains(framework)) {
            throw MlopsException.input("--framework must be sklearn, pytorch or keras, not '" + framework + "'.");
        }
        Path root = dir.toAbsolutePath().normalize();
        prepare(root);
        Path remote = root.resolve("remote.git");
        String url = LocalRepositories.createBare(remote, "main", demoFiles(), "Add a digits model (" + framework
                + ")", AUTHOR, AUTHOR_EMAIL);
        PrintWriter out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        out.println("Demo model repository: " + url + " (" + framework + ", branch main)");
        out.flush();
        ChainRequest request = ChainRequest.of(root.resolve("workspace"))
                .withFetch(url, "main", GitCredentials.NONE)
                .withOptions(Overrides.builder().recipients(List.of(AUTHOR_EMAIL)).build())
                .withOperator(MlopsCommand.operator()).withPublish(true);
        ChainResult result = ChainExecution.run(spec, request, json, quiet);
        if (!json) {
            out.println("See the published model: git --git-dir " + remote + " log --stat mlops/models");
            out.flush();
        }
        return ChainExecution.exitCode(result);
    }

    private Map<String, byte[]> demoFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            String resource = "demo/" + framework + "/" + name;
            try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The demo file " + resource + " is missing from the jar");
                }
                files.put(name, in.readAllBytes());
            }
            catch (IOException e) {
                throw new IllegalStateException("Cannot read the demo file " + resource, e);
            }
        }
        return files;
    }

    /** Empties a folder an earlier demo made; refuses any other non-empty folder. */
    private static void prepare(final Path root) {
        try {
            if (Files.isDirectory(root)) {
                boolean empty;
                try (Stream<Path> entries = Files.list(root)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!empty && !Files.exists(root.resolve(MARKER))) {
                    throw MlopsException.input(root + " is not empty and was not made by mlops demo; choose another "
                            + "folder with --dir.");
                }
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        if (!path.equals(root)) {
                            Files.delete(path);
                        }
                    }
                }
            }
            Files.createDirectories(root);
            Files.writeString(root.resolve(MARKER), "made by mlops demo\n");
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot prepare the demo folder " + root + ": " + e.getMessage());
        }
    }
}
