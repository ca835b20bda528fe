package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.report.ReportRenderer;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the chain's HTML report next to run.json. */
final class Reports {
    /** The report, relative to the workspace. */
    static final String REPORT_FILE = ChainStateStore.STATE_DIR + "/report.html";

    private Reports() {
    }

    static Path write(final Path workspace, final ChainState state) {
        Path report = StateFolder.check(workspace.resolve(REPORT_FILE));
        try {
            AtomicFiles.writeString(report, new ReportRenderer().render(state));
            return report;
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot write the report " + report + ": " + e.getMessage());
        }
    }
}
