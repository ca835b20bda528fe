package hudson;

/** Stands for a Jenkins type in the architecture fixtures; the engine's real code must never use one. */
public final class FixtureOnlyJenkinsType {
}
