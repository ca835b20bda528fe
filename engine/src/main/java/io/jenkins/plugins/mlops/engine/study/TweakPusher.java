package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;

/** Commits a tweak of the model code in the checkout and pushes it, so that the next poll trains it (via-git). */
public interface TweakPusher {
    /** Commits {@code file} with {@code message} and pushes; returns the new commit id. */
    String commitAndPush(Path checkout, String file, String message, RunLog log);
}
