package io.jenkins.plugins.mlops.engine.tune;

/**
 * A made-up but plausible accuracy of a Keras CNN on 28x28 images, shared by the search-space task and the
 * simulation of the seed's edits, so both are measured on the same objective. Each conv block is a 3x3 valid
 * convolution (the image shrinks by 2), optionally followed by 2x2 max pooling (it halves).
 */
final class CnnSurrogate {
    private CnnSurrogate() {
    }

    /**
     * The accuracy, or {@code null} when the layers shrink the image below 1x1 (Keras raises an error).
     *
     * @param pooled       one entry per conv block: whether max pooling follows it
     * @param filters      filters per conv layer
     * @param epochs       training epochs
     * @param learningRate the optimiser's learning rate
     * @return the test accuracy, at most 0.995
     */
    static Double accuracy(final boolean[] pooled, final double filters, final double epochs,
            final double learningRate) {
        int size = 28;
        int pools = 0;
        for (boolean pool : pooled) {
            size -= 2;
            if (pool) {
                size /= 2;
                pools++;
            }
            if (size < 1) {
                return null;
            }
        }
        int convs = pooled.length;
        double depth = 0.03 * Math.pow(convs - 3, 2);
        double unpooled = 0.015 * (convs - pools);
        double width = 0.01 * Math.pow(Math.log(filters / 64) / Math.log(2), 2);
        double rate = 0.04 * Math.pow(Math.log10(learningRate) + 3, 2);
        double training = 0.15 * Math.exp(-epochs / 15);
        return 0.995 - depth - unpooled - width - rate - training;
    }
}
