package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the signals of the entry and its local modules into a model type. The framework is the one whose model code
 * weighs most (utilities such as {@code train_test_split} barely count, so splitting data with sklearn does not make
 * a Keras script a sklearn one); low-level TensorFlow next to Keras model code counts as Keras. The architecture is
 * chosen by the framework's descriptor from the architectures its signals imply.
 */
final class Classifier {
    /** At most this many evidence entries are reported. */
    static final int MAX_EVIDENCE = 20;

    /**
     * The outcome.
     *
     * @param type       the model type, {@link ModelType#UNKNOWN} when no model code was found
     * @param confidence 0..1
     * @param evidence   the signals it rests on, architecture-defining ones first
     */
    record Classification(ModelType type, double confidence, List<Detection.Evidence> evidence) {
    }

    private final ModelTypeRegistry registry;

    Classifier(final ModelTypeRegistry registry) {
        this.registry = registry;
    }

    Classification classify(final List<FileScan> scans) {
        List<Signal> signals = merged(scans.stream().flatMap(scan -> scan.signals().stream()).toList());
        Map<Framework, Double> scores = new EnumMap<>(Framework.class);
        Set<Framework> withModelCode = new LinkedHashSet<>();
        for (Signal signal : signals) {
            scores.merge(signal.framework(), signal.weight(), Double::sum);
            if (signal.isModelCode()) {
                withModelCode.add(signal.framework());
            }
        }
        Framework best = Framework.UNKNOWN;
        for (Framework framework : registry.frameworks()) {
            if (withModelCode.contains(framework) && (best == Framework.UNKNOWN
                    || scores.get(framework) > scores.get(best))) {
                best = framework;
            }
        }
        if (best == Framework.UNKNOWN) {
            return new Classification(ModelType.UNKNOWN, 0, List.of());
        }
        Framework framework = best;
        List<Signal> own = signals.stream().filter(signal -> signal.framework() == framework).toList();
        List<Architecture> seen = own.stream().map(Signal::architecture)
                .filter(architecture -> architecture != Architecture.UNKNOWN).toList();
        ModelTypeDescriptor descriptor = registry.descriptors().stream()
                .filter(candidate -> candidate.framework() == framework).findFirst().orElseThrow();
        Architecture architecture = seen.isEmpty() ? Architecture.OTHER : descriptor.choose(seen);
        double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        double share = scores.get(framework) / total;
        double confidence = (0.5 + 0.45 * share) * (seen.isEmpty() ? 0.7 : 1.0);
        return new Classification(new ModelType(framework, architecture), Math.round(confidence * 100) / 100.0,
                evidence(own, architecture));
    }

    /** Low-level TensorFlow used next to Keras model code is part of the Keras model (a custom training loop). */
    private static List<Signal> merged(final List<Signal> signals) {
        boolean keras = signals.stream().anyMatch(signal -> signal.framework() == Framework.KERAS
                && signal.isModelCode());
        if (!keras) {
            return signals;
        }
        return signals.stream().map(signal -> signal.framework() == Framework.TENSORFLOW
                ? new Signal(Framework.KERAS, signal.architecture(), signal.weight(), signal.file(), signal.line(),
                        signal.name())
                : signal).toList();
    }

    private static List<Detection.Evidence> evidence(final List<Signal> own, final Architecture architecture) {
        Set<Detection.Evidence> evidence = new LinkedHashSet<>();
        own.stream().filter(signal -> signal.architecture() == architecture).map(Signal::toEvidence)
                .forEach(evidence::add);
        own.stream().filter(Signal::isModelCode).map(Signal::toEvidence).forEach(evidence::add);
        own.stream().map(Signal::toEvidence).forEach(evidence::add);
        return new ArrayList<>(evidence).subList(0, Math.min(MAX_EVIDENCE, evidence.size()));
    }
}
