package io.jenkins.plugins.mlops.archfixture.engine.model;

import hudson.FixtureOnlyJenkinsType;

/** Breaks the no-Jenkins rule. */
public final class RecordUsingJenkins {
    FixtureOnlyJenkinsType jenkins;
}
