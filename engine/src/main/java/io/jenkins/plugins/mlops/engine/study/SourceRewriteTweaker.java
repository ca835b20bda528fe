package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.rewrite.SourceEdit;
import io.jenkins.plugins.mlops.engine.rewrite.SourceRewriter;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tweaks by editing the model code (for scripts without a search space, like the seed's). */
final class SourceRewriteTweaker implements Tweaker {
    private final SourceRewriter rewriter;
    private final ModelType type;

    SourceRewriteTweaker(final SourceRewriter rewriter, final ModelType type) {
        this.rewriter = rewriter;
        this.type = type;
    }

    @Override
    public Map<String, Object> firstParams() {
        return Map.of();
    }

    @Override
    public Optional<Tweak> next(final Path workDir, final String entry, final List<TrialRecord> history,
            final RunLog log) {
        Optional<SourceEdit> edit = rewriter.tweak(workDir, entry, type, history, log);
        return edit.map(e -> new Tweak(Map.of(), e.diff(), e.change(), e.edit()));
    }

    @Override
    public boolean parallelizable() {
        return false;
    }
}
