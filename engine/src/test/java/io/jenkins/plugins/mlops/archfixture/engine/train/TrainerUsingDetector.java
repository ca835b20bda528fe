package io.jenkins.plugins.mlops.archfixture.engine.train;

import io.jenkins.plugins.mlops.archfixture.engine.detect.DetectorUsingDockerAndTrain;

/** Closes a cycle: train uses detect, which uses train. */
public final class TrainerUsingDetector {
    DetectorUsingDockerAndTrain detector;
}
