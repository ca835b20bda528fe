package hudson.model;

/** Compile-only stub of hudson.model.ResourceController (jenkins-core 2.541.3); never on a runtime classpath. */
public class ResourceController {
}
