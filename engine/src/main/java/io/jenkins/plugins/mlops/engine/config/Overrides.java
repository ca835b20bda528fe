package io.jenkins.plugins.mlops.engine.config;

import io.jenkins.plugins.mlops.engine.model.Direction;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings a front end passes over {@code mlops.yml}: the options a user set on the command line or in a Jenkins
 * step, or the defaults of an operator ({@link OperatorPolicy#defaults()}). Every component is {@code null} when not
 * set, so that only what the user set overrides the layers below (see {@link ConfigLoader} for the precedence).
 * Values are validated like the same keys in mlops.yml, naming the key.
 *
 * @param entry          {@code entry}
 * @param image          {@code image}
 * @param metric         {@code metric}
 * @param target         {@code target}
 * @param direction      {@code direction}
 * @param metricFile     {@code metric_file}
 * @param maxTrials      {@code max_trials}
 * @param maxFailedTrials {@code max_failed_trials}
 * @param mode           {@code mode}
 * @param strategy       {@code strategy}
 * @param sampler        {@code sampler}
 * @param seed           {@code seed}
 * @param parallel       {@code parallel}
 * @param timeout        {@code train.timeout}
 * @param memoryBytes    {@code train.memory}
 * @param cpus           {@code train.cpus}
 * @param network        {@code train.network}
 * @param gpus           {@code train.gpus}
 * @param dataset        {@code train.dataset}
 * @param recipients     {@code notify.to}
 * @param mailFrom       {@code notify.from}
 * @param publishBranch  {@code publish.branch}
 * @param committerName  {@code git.committer_name}
 * @param committerEmail {@code git.committer_email}
 */
public record Overrides(String entry, String image, String metric, Double target, Direction direction,
        String metricFile, Integer maxTrials, Integer maxFailedTrials, String mode, String strategy, String sampler,
        Long seed, Integer parallel, Duration timeout, Long memoryBytes, Double cpus, String network, Boolean gpus,
        String dataset, List<String> recipients, String mailFrom, String publishBranch, String committerName,
        String committerEmail) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Nothing overridden. */
    public static final Overrides NONE = builder().build();

    public Overrides {
        recipients = recipients == null || recipients.isEmpty() ? null : List.copyOf(recipients);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entry = entry;
        b.image = image;
        b.metric = metric;
        b.target = target;
        b.direction = direction;
        b.metricFile = metricFile;
        b.maxTrials = maxTrials;
        b.maxFailedTrials = maxFailedTrials;
        b.mode = mode;
        b.strategy = strategy;
        b.sampler = sampler;
        b.seed = seed;
        b.parallel = parallel;
        b.timeout = timeout;
        b.memoryBytes = memoryBytes;
        b.cpus = cpus;
        b.network = network;
        b.gpus = gpus;
        b.dataset = dataset;
        b.recipients = recipients;
        b.mailFrom = mailFrom;
        b.publishBranch = publishBranch;
        b.committerName = committerName;
        b.committerEmail = committerEmail;
        return b;
    }

    /** The values that are set, by their mlops.yml keys, for the loader's layers. */
    Map<String, Object> layer() {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("entry", entry);
        layer.put("image", image);
        layer.put("metric", metric);
        layer.put("target", target);
        layer.put("direction", direction == null ? null : direction.name().toLowerCase(Locale.ROOT));
        layer.put("metric_file", metricFile);
        layer.put("max_trials", maxTrials);
        layer.put("max_failed_trials", maxFailedTrials);
        layer.put("mode", mode);
        layer.put("strategy", strategy);
        layer.put("sampler", sampler);
        layer.put("seed", seed);
        layer.put("parallel", parallel);
        layer.put("train.timeout", timeout == null ? null : timeout.toSeconds() + "s");
        layer.put("train.memory", memoryBytes);
        layer.put("train.cpus", cpus);
        layer.put("train.network", network);
        layer.put("train.gpus", gpus);
        layer.put("train.dataset", dataset);
        layer.put("notify.to", recipients);
        layer.put("notify.from", mailFrom);
        layer.put("publish.branch", publishBranch);
        layer.put("git.committer_name", committerName);
        layer.put("git.committer_email", committerEmail);
        layer.values().removeIf(Objects::isNull);
        return layer;
    }

    /** Builds {@link Overrides}; a {@code null} or blank value leaves the setting unset. */
    public static final class Builder {
        private String entry;
        private String image;
        private String metric;
        private Double target;
        private Direction direction;
        private String metricFile;
        private Integer maxTrials;
        private Integer maxFailedTrials;
        private String mode;
        private String strategy;
        private String sampler;
        private Long seed;
        private Integer parallel;
        private Duration timeout;
        private Long memoryBytes;
        private Double cpus;
        private String network;
        private Boolean gpus;
        private String dataset;
        private List<String> recipients;
        private String mailFrom;
        private String publishBranch;
        private String committerName;
        private String committerEmail;

        private Builder() {
        }

        private static String text(final String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }

        public Builder entry(final String value) {
            entry = text(value);
            return this;
        }

        public Builder image(final String value) {
            image = text(value);
            return this;
        }

        public Builder metric(final String value) {
            metric = text(value);
            return this;
        }

        public Builder target(final Double value) {
            target = value;
            return this;
        }

        public Builder direction(final Direction value) {
            direction = value;
            return this;
        }

        public Builder metricFile(final String value) {
            metricFile = text(value);
            return this;
        }

        public Builder maxTrials(final Integer value) {
            maxTrials = value;
            return this;
        }

        public Builder maxFailedTrials(final Integer value) {
            maxFailedTrials = value;
            return this;
        }

        public Builder mode(final String value) {
            mode = text(value);
            return this;
        }

        public Builder strategy(final String value) {
            strategy = text(value);
            return this;
        }

        public Builder sampler(final String value) {
            sampler = text(value);
            return this;
        }

        public Builder seed(final Long value) {
            seed = value;
            return this;
        }

        public Builder parallel(final Integer value) {
            parallel = value;
            return this;
        }

        public Builder timeout(final Duration value) {
            timeout = value;
            return this;
        }

        /** A timeout as written by a user ({@code 90m}, {@code 2h}); a bad one is refused naming the key. */
        public Builder timeout(final String value) {
            timeout = text(value) == null ? null : ConfigValues.parseDuration("train.timeout", value, "option");
            return this;
        }

        public Builder memoryBytes(final Long value) {
            memoryBytes = value;
            return this;
        }

        /** A memory limit as written by a user ({@code 512m}, {@code 4g}); a bad one is refused naming the key. */
        public Builder memory(final String value) {
            memoryBytes = text(value) == null ? null : ConfigValues.parseSize("train.memory", value, "option");
            return this;
        }

        public Builder cpus(final Double value) {
            cpus = value;
            return this;
        }

        public Builder network(final String value) {
            network = text(value);
            return this;
        }

        public Builder gpus(final Boolean value) {
            gpus = value;
            return this;
        }

        public Builder dataset(final String value) {
            dataset = text(value);
            return this;
        }

        /** Recipients; blank entries are dropped and an empty list leaves the setting unset. */
        public Builder recipients(final List<String> value) {
            recipients = value == null ? null
                    : value.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
            return this;
        }

        /** Comma-separated recipients, as a form field or an option holds them. */
        public Builder recipients(final String value) {
            return recipients(value == null ? null : List.of(value.split(",")));
        }

        public Builder mailFrom(final String value) {
            mailFrom = text(value);
            return this;
        }

        public Builder publishBranch(final String value) {
            publishBranch = text(value);
            return this;
        }

        public Builder committerName(final String value) {
            committerName = text(value);
            return this;
        }

        public Builder committerEmail(final String value) {
            committerEmail = text(value);
            return this;
        }

        public Overrides build() {
            return new Overrides(entry, image, metric, target, direction, metricFile, maxTrials, maxFailedTrials,
                    mode, strategy, sampler, seed, parallel, timeout, memoryBytes, cpus, network, gpus, dataset,
                    recipients, mailFrom, publishBranch, committerName, committerEmail);
        }
    }
}
