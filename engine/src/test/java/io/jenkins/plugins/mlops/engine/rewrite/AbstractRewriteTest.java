package io.jenkins.plugins.mlops.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/** Helpers of the source-rewrite tests: the Python fixtures in fixtures/, a workspace, a study's history. */
abstract class AbstractRewriteTest {
    static final ModelType KERAS = new ModelType(Framework.KERAS, Architecture.CNN);

    @TempDir
    private Path workspace;

    private final RunLog log = new RunLog();

    /** Copies fixture {@code name} from fixtures/ into the workspace as train.py, with CRLF line ends if asked. */
    String given(final String name, final boolean crlf) throws IOException {
        try (InputStream in = AbstractRewriteTest.class.getResourceAsStream("fixtures/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = crlf ? text.replace("\n", "\r\n") : text;
            Files.writeString(workspace.resolve("train.py"), text);
            return text;
        }
    }

    Path workspace() {
        return workspace;
    }

    RunLog log() {
        return log;
    }

    String file() throws IOException {
        return Files.readString(workspace.resolve("train.py"));
    }

    Optional<SourceEdit> tweak(final ModelType type, final List<TrialRecord> history) {
        return new SourceRewriter().tweak(workspace, "train.py", type, history, log);
    }

    /** A study's trials: the baseline, then one trial per change line with the given metric (null: failed). */
    static List<TrialRecord> study(final Object... changesAndMetrics) {
        List<TrialRecord> history = new ArrayList<>();
        history.add(TrialRecord.running(1, Map.of(), null, "baseline", null, null)
                .finish(TrialState.COMPLETE, 0.5, 1, null, null));
        for (int i = 0; i < changesAndMetrics.length; i += 2) {
            Double metric = (Double) changesAndMetrics[i + 1];
            TrialRecord running = TrialRecord.running(history.size() + 1, Map.of(), "diff", (String) changesAndMetrics[i],
                    null, null).withEdit(editOf((String) changesAndMetrics[i]));
            history.add(metric == null ? running.finish(TrialState.FAILED, null, 1, null, "crash")
                    : running.finish(TrialState.COMPLETE, metric, 1, null, null));
        }
        return history;
    }

    /**
     * The edit record the rewriter stores with a trial whose change line is {@code change} (the tests write their
     * histories as change lines): the kind by its tag, and the values of {@code name from -> to}.
     */
    static EditRecord editOf(final String change) {
        EditKind kind = Arrays.stream(EditKind.values()).filter(k -> change.startsWith("[" + k.tag() + "] "))
                .findFirst().orElse(null);
        if (kind == null) {
            return null;
        }
        Matcher values = Pattern.compile("^\\[[^]]+] \\S+ (\\S+) -> (\\S+)").matcher(change);
        return values.find() ? new EditRecord(kind, values.group(1), values.group(2)) : EditRecord.addition(kind);
    }
}
