package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.report.ReportRenderer;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlops report}: renders the report page (one self-contained HTML file, no scripts) from run.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the run's pipeline, trials and metric chart as one self-contained HTML file.")
final class ReportCommand implements Callable<Integer> {
    /** Where the report goes unless --out says otherwise, relative to the workspace. */
    static final String DEFAULT_OUT = ChainStateStore.STATE_DIR + "/report.html";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR",
            description = "The model repository (default: current directory).")
    private Path workspace;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file to write (default: .mlops/report.html).")
    private Path out;

    @Option(names = "--title", description = "The page heading (default: MLOps run <runId>).")
    private String title;

    @Override
    public Integer call() {
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.load().orElseThrow(() -> MlopsException.input("There is no run state " + store.file()
                + " to report on; run 'mlops run' (or the steps) in this workspace first, or pass --workspace."));
        Path target = out != null ? out : StateFolder.check(workspace.resolve(DEFAULT_OUT));
        try {
            AtomicFiles.writeString(target, new ReportRenderer(title, null).render(state));
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot write the report " + target + ": " + e.getMessage()
                    + ". Check that the folder is writable, or choose another with --out.");
        }
        spec.commandLine().getOut().println("report: " + target.toAbsolutePath().normalize());
        spec.commandLine().getOut().flush();
        return ExitCodes.TARGET_MET;
    }
}
