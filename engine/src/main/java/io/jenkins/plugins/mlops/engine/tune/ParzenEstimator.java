package io.jenkins.plugins.mlops.engine.tune;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Kernels on the internal number line of one parameter, one per observed point plus a wide prior (the last), the
 * building block of {@link TpeSampler}. Kernels are addressed one by one, so the sampler can combine the kernels
 * of one trial across all parameters (a multivariate density). The prior keeps a density from being zero anywhere
 * and a handful of points from shutting out the rest of the range.
 */
sealed interface ParzenEstimator {
    /** How many kernels: the observed points plus the prior. */
    int kernels();

    /** Draws one point from kernel {@code kernel}. */
    double sample(int kernel, RandomGenerator random);

    /** The log of the density of kernel {@code kernel} at {@code x}. */
    double logDensity(int kernel, double x);

    /** The kernels for {@code points} on {@code distribution}'s internal number line. */
    static ParzenEstimator fit(final Distribution distribution, final List<Double> points) {
        if (distribution instanceof Distribution.Choice choice) {
            return new Categorical(points.stream().mapToInt(point -> (int) Math.round(point)).toArray(),
                    choice.values().size());
        }
        return Gaussians.of(points, distribution.internalLow(), distribution.internalHigh());
    }

    /**
     * Kernels on the values of a choice: each gives its observed value the weight 1 and every value an equal share
     * of one more, so a kernel draws another value now and then; the prior draws every value alike.
     *
     * @param observed the index of the value each kernel was observed at
     * @param size     how many values the choice has
     */
    record Categorical(int[] observed, int size) implements ParzenEstimator {
        @Override
        public int kernels() {
            return observed.length + 1;
        }

        @Override
        public double sample(final int kernel, final RandomGenerator random) {
            if (kernel < observed.length && random.nextDouble() < 0.5) {
                return observed[kernel];
            }
            return random.nextInt(size);
        }

        @Override
        public double logDensity(final int kernel, final double x) {
            if (kernel == observed.length) {
                return -Math.log(size);
            }
            double hit = Math.round(x) == observed[kernel] ? 1 : 0;
            return Math.log((hit + 1.0 / size) / 2);
        }
    }

    /**
     * Gaussians truncated to {@code [low, high]}, one on each point plus a wide one in the middle (the prior). Each
     * bandwidth is the larger gap to its neighbours, clipped so that no kernel gets narrower than 1/100 of the range
     * (more points allow narrower kernels) or wider than the range.
     *
     * @param means  the kernel centres, the prior's last
     * @param sigmas the bandwidth of each kernel
     * @param low    the lower end of the range
     * @param high   the upper end of the range
     */
    record Gaussians(double[] means, double[] sigmas, double low, double high) implements ParzenEstimator {
        static Gaussians of(final List<Double> points, final double low, final double high) {
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
            return new Gaussians(means, sigmas, low, high);
        }

        @Override
        public int kernels() {
            return means.length;
        }

        @Override
        public double sample(final int kernel, final RandomGenerator random) {
            for (int attempt = 0; attempt < 100; attempt++) {
                double x = means[kernel] + sigmas[kernel] * random.nextGaussian();
                if (x >= low && x <= high) {
                    return x;
                }
            }
            return Math.max(low, Math.min(high, means[kernel]));
        }

        @Override
        public double logDensity(final int kernel, final double x) {
            double mass = cdf((high - means[kernel]) / sigmas[kernel]) - cdf((low - means[kernel]) / sigmas[kernel]);
            double z = (x - means[kernel]) / sigmas[kernel];
            return -z * z / 2 - Math.log(sigmas[kernel] * Math.sqrt(2 * Math.PI) * mass);
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
