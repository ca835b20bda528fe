package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.Strategy;
import io.jenkins.plugins.mlops.engine.rewrite.SourceRewriter;
import io.jenkins.plugins.mlops.engine.tune.Sampler;
import io.jenkins.plugins.mlops.engine.tune.SearchSpace;
import io.jenkins.plugins.mlops.engine.util.MlopsException;

/**
 * Makes the tweaker a configuration asks for, the same for the study of {@code mlops run}, ask/tell and the tweak step
 * on its own: sampling the search space, or editing the model code.
 */
public final class Tweakers {
    private Tweakers() {
    }

    /** The tweaker of {@code config}; {@code type} is what a source edit needs to know about the model. */
    static Tweaker of(final MlopsConfig config, final ModelType type) {
        return usesSearchSpace(config) ? searchSpace(config) : sourceRewrite(config, type);
    }

    /** Whether {@code config} tweaks by sampling its search space rather than by editing the code. */
    public static boolean usesSearchSpace(final MlopsConfig config) {
        Strategy strategy = config.study().strategy();
        boolean searchSpace = strategy == Strategy.SEARCH_SPACE
                || strategy == Strategy.AUTO && config.study().hasSearchSpace();
        if (searchSpace) {
            if (!config.study().hasSearchSpace()) {
                throw MlopsException.input("strategy: search_space needs a search_space section in mlops.yml; "
                        + "declare the parameters or use strategy: source_rewrite.");
            }
            if (config.study().mode() == Mode.VIA_GIT) {
                throw MlopsException.input("via-git mode tweaks the code itself; a search space needs mode: in-build "
                        + "(or use strategy: source_rewrite).");
            }
        }
        return searchSpace;
    }

    /** Samples the search space of {@code config} with its sampler and seed. */
    public static Tweaker searchSpace(final MlopsConfig config) {
        return new SearchSpaceTweaker(SearchSpace.fromYaml(config.study().searchSpace()),
                Sampler.of(config.study().sampler(), config.study().seed()), config.direction());
    }

    /** Edits the model code of a {@code type} model towards the direction of {@code config}. */
    public static Tweaker sourceRewrite(final MlopsConfig config, final ModelType type) {
        return new SourceRewriteTweaker(new SourceRewriter(config.direction()), type);
    }
}
