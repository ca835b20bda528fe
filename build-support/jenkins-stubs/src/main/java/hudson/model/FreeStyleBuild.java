package hudson.model;

/** Compile-only stub of hudson.model.FreeStyleBuild (jenkins-core 2.541.3); never on a runtime classpath. */
public class FreeStyleBuild extends Build<FreeStyleProject, FreeStyleBuild> {
}
