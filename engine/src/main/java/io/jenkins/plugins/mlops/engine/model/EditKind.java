package io.jenkins.plugins.mlops.engine.model;

/**
 * The kinds of source edit, each on one axis of change (depth, width, training length, regularisation). A trial keeps
 * its kind in {@link EditRecord} (run.json, the via-git trailers); the change line shown to people starts with the
 * kind's {@link #tag()}, and is never read back.
 */
public enum EditKind {
    /** Raise the number of training epochs: {@code epochs 10 -> 20}. */
    EPOCHS("epochs", Axis.TRAINING),
    /** Raise scikit-learn's {@code max_iter}: {@code max_iter 20 -> 40}. */
    MAX_ITER("max_iter", Axis.TRAINING),
    /** Add a convolution block after the last one: {@code add Conv2D(64) block}. */
    ADD_CONV_BLOCK("add conv block", Axis.DEPTH),
    /** Add a dense layer before the output layer: {@code add Dense(64) layer}. */
    ADD_DENSE_LAYER("add dense layer", Axis.DEPTH),
    /** Add a hidden layer to an MLP: {@code hidden_layer_sizes (4,) -> (4, 4)}. */
    ADD_HIDDEN_LAYER("add hidden layer", Axis.DEPTH),
    /** Widen a hidden layer: {@code widen Dense 64 -> 128}, {@code hidden_layer_sizes (2,) -> (4,)}. */
    WIDEN("widen", Axis.WIDTH),
    /** Raise the number of trees: {@code n_estimators 100 -> 200}. */
    N_ESTIMATORS("n_estimators", Axis.WIDTH),
    /** Weaken the regularisation of an SVM or a linear model: {@code C 1.0 -> 10.0}. */
    RAISE_C("raise C", Axis.REGULARISATION);

    /** What an edit changes about the model. */
    public enum Axis { DEPTH, WIDTH, TRAINING, REGULARISATION }

    private final String tag;
    private final Axis axis;

    EditKind(final String tag, final Axis axis) {
        this.tag = tag;
        this.axis = axis;
    }

    /** The words a change line of this kind starts with, inside square brackets: {@code [epochs] epochs 10 -> 20}. */
    public String tag() {
        return tag;
    }

    /** What this kind of edit changes. */
    public Axis axis() {
        return axis;
    }

    /** The change line for an edit of this kind: the tag in brackets, then the details. */
    public String describe(final String details) {
        return "[" + tag + "] " + details;
    }
}
