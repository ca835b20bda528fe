package io.jenkins.plugins.mlops.engine.tune;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A density over the internal number line of one parameter, learnt from a few observed points: the building block
 * of {@link TpeSampler}, which keeps one for the good trials and one for the bad ones. Both kinds mix the points
 * with a flat prior, so a density is never zero and a handful of points do not shut out the rest of the range.
 */
sealed interface ParzenEstimator {
    /** Draws one point. */
    double sample(RandomGenerator random);

    /** The log of the density at {@code x}. */
    double logDensity(double x);

    /** The estimator fitting {@code points} of {@code distribution}'s internal number line. */
    static ParzenEstimator fit(final Distribution distribution, final List<Double> points) {
        if (distribution instanceof Distribution.Choice choice) {
            return new Frequencies(choice.values().size(), points);
        }
        return Kernels.of(points, distribution.internalLow(), distribution.internalHigh());
    }

    /**
     * Smoothed frequencies of the values of a choice: each value gets its count plus an equal share of one prior
     * observation.
     *
     * @param probabilities the probability of each value, by index
     */
    record Frequencies(double[] probabilities) implements ParzenEstimator {
        Frequencies(final int size, final List<Double> points) {
            this(smoothed(size, points));
        }

        private static double[] smoothed(final int size, final List<Double> points) {
            double[] counts = new double[size];
            Arrays.fill(counts, 1.0 / size);
            points.forEach(index -> counts[(int) Math.round(index)]++);
            double total = points.size() + 1.0;
            return Arrays.stream(counts).map(count -> count / total).toArray();
        }

        @Override
        public double sample(final RandomGenerator random) {
            double u = random.nextDouble();
            for (int i = 0; i < probabilities.length - 1; i++) {
                u -= probabilities[i];
                if (u < 0) {
                    return i;
                }
            }
            return probabilities.length - 1;
        }

        @Override
        public double logDensity(final double x) {
            return Math.log(probabilities[(int) Math.max(0, Math.min(probabilities.length - 1, Math.round(x)))]);
        }
    }

    /**
     * Equally weighted Gaussians truncated to {@code [low, high]}, one on each point plus a wide one in the middle
     * (the prior). Each bandwidth is the larger gap to its neighbours, clipped so that no kernel gets narrower than
     * 1/100 of the range (more points allow narrower kernels) or wider than the range.
     *
     * @param means  the kernel centres, the prior's last
     * @param sigmas the bandwidth of each kernel
     * @param low    the lower end of the range
     * @param high   the upper end of the range
     */
    record Kernels(double[] means, double[] sigmas, double low, double high) implements ParzenEstimator {
        static Kernels of(final List<Double> points, final double low, final double high) {
            double range = Math.max(high - low, 1e-12);
            int n = points.size() + 1;
            double[] means = new double[n];
            for (int i = 0; i < points.size(); i++) {
                means[i] = points.get(i);
            }
            means[n - 1] = (low + high) / 2;
            double[] sorted = means.clone();
            Arrays.sort(sorted);
            double minSigma = range / Math.min(100, n);
            double[] sigmas = new double[n];
            for (int i = 0; i < n - 1; i++) {
                int at = Arrays.binarySearch(sorted, means[i]);
                double left = at > 0 ? means[i] - sorted[at - 1] : means[i] - low;
                double right = at < n - 1 ? sorted[at + 1] - means[i] : high - means[i];
                sigmas[i] = Math.max(minSigma, Math.min(range, Math.max(left, right)));
            }
            sigmas[n - 1] = range;
            return new Kernels(means, sigmas, low, high);
        }

        @Override
        public double sample(final RandomGenerator random) {
            int kernel = random.nextInt(means.length);
            for (int attempt = 0; attempt < 100; attempt++) {
                double x = means[kernel] + sigmas[kernel] * random.nextGaussian();
                if (x >= low && x <= high) {
                    return x;
                }
            }
            return Math.max(low, Math.min(high, means[kernel]));
        }

        @Override
        public double logDensity(final double x) {
            double sum = 0;
            for (int i = 0; i < means.length; i++) {
                double mass = cdf((high - means[i]) / sigmas[i]) - cdf((low - means[i]) / sigmas[i]);
                double z = (x - means[i]) / sigmas[i];
                sum += Math.exp(-z * z / 2) / (sigmas[i] * Math.sqrt(2 * Math.PI) * mass);
            }
            return Math.log(sum / means.length);
        }

        /** The standard normal distribution function, through Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
        static double cdf(final double z) {
            double x = Math.abs(z) / Math.sqrt(2);
            double t = 1 / (1 + 0.3275911 * x);
            double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                    + t * 1.061405429))));
            double erf = 1 - poly * Math.exp(-x * x);
            return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
        }
    }
}
