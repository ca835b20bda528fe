package hudson.model;

/** Compile-only stub of hudson.model.FreeStyleProject (jenkins-core 2.541.3); never on a runtime classpath. */
public class FreeStyleProject extends Project<FreeStyleProject, FreeStyleBuild> implements TopLevelItem {
}
