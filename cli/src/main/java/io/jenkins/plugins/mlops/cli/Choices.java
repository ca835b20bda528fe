package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.SamplerName;
import io.jenkins.plugins.mlops.engine.model.Strategy;
import java.util.Iterator;

/**
 * The words of the study's choices for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts: the engine's enums
 * list them once, the help reads them from there.
 */
final class Choices {
    private Choices() {
    }

    /** The modes: in-build, via-git. */
    static final class Modes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Mode.ids().iterator();
        }
    }

    /** The strategies: auto, search_space, source_rewrite. */
    static final class Strategies implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Strategy.ids().iterator();
        }
    }

    /** The samplers: tpe, random, grid. */
    static final class Samplers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SamplerName.ids().iterator();
        }
    }
}
