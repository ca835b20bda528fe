package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.ModelType;
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
        boolean searchSpace = "search_space".equals(config.strategy())
                || "auto".equals(config.strategy()) && config.hasSearchSpace();
        if (searchSpace) {
            if (!config.hasSearchSpace()) {
                throw MlopsException.input("strategy: search_space needs a search_space section in mlops.yml; "
                        + "declare the parameters or use strategy: source_rewrite.");
            }
            if (MlopsConfig.VIA_GIT.equals(config.mode())) {
                throw MlopsException.input("via-git mode tweaks the code itself; a search space needs mode: in-build "
                        + "(or use strategy: source_rewrite).");
            }
        }
        return searchSpace;
    }

    /** Samples the search space of {@code config} with its sampler and seed. */
    public static Tweaker searchSpace(final MlopsConfig config) {
        return new SearchSpaceTweaker(SearchSpace.fromYaml(config.searchSpace()),
                Sampler.named(config.sampler(), config.seed()), config.direction());
    }

    /** Edits the model code of a {@code type} model towards the direction of {@code config}. */
    public static Tweaker sourceRewrite(final MlopsConfig config, final ModelType type) {
        return new SourceRewriteTweaker(new SourceRewriter(config.direction()), type);
    }
}
