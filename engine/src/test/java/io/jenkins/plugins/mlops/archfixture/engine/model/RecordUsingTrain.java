package io.jenkins.plugins.mlops.archfixture.engine.model;

import io.jenkins.plugins.mlops.archfixture.engine.train.Trainer;

/** Breaks the layers: a shared record using a stage. */
public final class RecordUsingTrain {
    Trainer trainer;
}
