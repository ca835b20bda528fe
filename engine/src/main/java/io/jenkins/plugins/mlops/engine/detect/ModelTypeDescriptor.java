package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the detector knows about one framework: the modules that belong to it and what a use of one of their
 * members says about the model. One small subclass per framework; {@link ModelTypeRegistry} holds them all.
 */
abstract class ModelTypeDescriptor {
    /** Model-building code; a use is full evidence for the framework. */
    static final double MODEL_WEIGHT = 1.0;
    /** Data loading, preprocessing, metrics: the framework is around but may not build the model. */
    static final double UTILITY_WEIGHT = 0.1;

    /**
     * What one use of a qualified name says.
     *
     * @param architecture the architecture it implies, {@link Architecture#UNKNOWN} when none
     * @param weight       how much it counts toward the framework
     * @param specific     whether the member is one this descriptor knows by name (not just by its module)
     */
    record Match(Architecture architecture, double weight, boolean specific) {
    }

    /** The framework described. */
    abstract Framework framework();

    /** A name for people, e.g. {@code PyTorch}. */
    abstract String displayName();

    /** The top-level modules, e.g. {@code torch}; sub-modules belong to the framework too. */
    abstract List<String> modules();

    /** Member names (last part of the qualified name) that imply an architecture. */
    abstract Map<String, Architecture> architectures();

    /** Whether a member of this framework is a utility (data, preprocessing, metrics) rather than model code. */
    abstract boolean isUtility(String qualifiedName);

    /** Member names that build a model without implying an architecture, e.g. {@code Sequential}. */
    Set<String> modelBuilders() {
        return Set.of();
    }

    /** The architecture implied by a qualified name beyond {@link #architectures()}, e.g. pretrained CNNs. */
    Optional<Architecture> architectureOfModule(final String qualifiedName) {
        return Optional.empty();
    }

    /** Whether {@code qualifiedName} is one of this framework's modules or inside one. */
    final boolean owns(final String qualifiedName) {
        return modules().stream().anyMatch(module -> qualifiedName.equals(module)
                || qualifiedName.startsWith(module + "."));
    }

    /** What a use of {@code qualifiedName} (owned by this framework) says. */
    final Match match(final String qualifiedName) {
        String member = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        Architecture architecture = architectures().get(member);
        if (architecture != null) {
            return new Match(architecture, MODEL_WEIGHT, true);
        }
        Optional<Architecture> byModule = architectureOfModule(qualifiedName);
        if (byModule.isPresent()) {
            return new Match(byModule.get(), MODEL_WEIGHT, true);
        }
        if (modelBuilders().contains(member)) {
            return new Match(Architecture.UNKNOWN, MODEL_WEIGHT, true);
        }
        return new Match(Architecture.UNKNOWN, isUtility(qualifiedName) ? UTILITY_WEIGHT : MODEL_WEIGHT, false);
    }

    /**
     * The architecture of a model built with this framework from the architectures of its signals, in order. Neural
     * networks: any convolution makes a CNN, else any recurrent layer an RNN, else other layers (attention) make
     * {@code other}, and dense layers alone an ANN.
     */
    Architecture choose(final List<Architecture> seen) {
        for (Architecture candidate : List.of(Architecture.CNN, Architecture.RNN, Architecture.OTHER,
                Architecture.ANN)) {
            if (seen.contains(candidate)) {
                return candidate;
            }
        }
        return seen.isEmpty() ? Architecture.UNKNOWN : seen.get(0);
    }

    /** Whether {@code qualifiedName} has one of {@code parts} as a package segment. */
    static boolean inPackage(final String qualifiedName, final String... parts) {
        String dotted = "." + qualifiedName + ".";
        for (String part : parts) {
            if (dotted.contains("." + part + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Maps every name in {@code names} to {@code architecture} into {@code target}. */
    static void put(final Map<String, Architecture> target, final Architecture architecture,
            final String... names) {
        for (String name : names) {
            target.put(name, architecture);
        }
    }
}
