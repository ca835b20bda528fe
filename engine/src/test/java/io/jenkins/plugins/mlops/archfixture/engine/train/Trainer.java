package io.jenkins.plugins.mlops.archfixture.engine.train;

/** A stage class other fixture stages must not use. */
public final class Trainer {
}
