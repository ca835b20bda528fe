package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.tune.Sampler;
import io.jenkins.plugins.mlops.engine.tune.SearchSpace;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tweaks by sampling parameters from the repository's search space; the code itself stays as written. */
final class SearchSpaceTweaker implements Tweaker {
    private final SearchSpace space;
    private final Sampler sampler;
    private final Direction direction;

    SearchSpaceTweaker(final SearchSpace space, final Sampler sampler, final Direction direction) {
        this.space = space;
        this.sampler = sampler;
        this.direction = direction;
    }

    @Override
    public Map<String, Object> firstParams() {
        return sampler.sample(space, List.of(), direction);
    }

    @Override
    public Optional<Tweak> next(final Path workDir, final String entry, final List<TrialRecord> history,
            final RunLog log) {
        if (sampler.isExhausted(space, history)) {
            log.info("The %s sampler has tried every point of the search space", sampler);
            return Optional.empty();
        }
        Map<String, Object> params = sampler.sample(space, history, direction);
        return Optional.of(new Tweak(params, null, describe(params), null));
    }

    @Override
    public boolean parallelizable() {
        return true;
    }

    static String describe(final Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
