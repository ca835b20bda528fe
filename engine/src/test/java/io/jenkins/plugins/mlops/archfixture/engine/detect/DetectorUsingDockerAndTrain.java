package io.jenkins.plugins.mlops.archfixture.engine.detect;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.mlops.archfixture.engine.train.Trainer;
import jakarta.mail.Session;
import org.eclipse.jgit.lib.Repository;

/** Breaks four rules at once: docker-java, JGit and mail outside their stages, and a stage using another stage. */
public final class DetectorUsingDockerAndTrain {
    DockerClient docker;
    Repository repository;
    Session mailSession;
    Trainer trainer;
}
