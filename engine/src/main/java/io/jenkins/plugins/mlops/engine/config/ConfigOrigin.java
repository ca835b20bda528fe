package io.jenkins.plugins.mlops.engine.config;

/**
 * Where a configuration value came from, lowest precedence first. Only {@link #REPOSITORY} is untrusted: a pushed
 * repository's {@code mlops.yml} is checked against the {@link OperatorPolicy} before anything touches the host.
 */
public enum ConfigOrigin {
    /** No layer set it: the tool's own default. */
    BUILT_IN,
    /** The operator's default (Jenkins global configuration, or the CLI's environment). */
    OPERATOR,
    /** The model repository's {@code mlops.yml}: untrusted. */
    REPOSITORY,
    /** A config file the operator named ({@code --config}). */
    CONFIG_FILE,
    /** An option the user set (command line, Jenkins step field). */
    OPTION;

    /** Whether the value came from the operator's side rather than from the repository. */
    public boolean trusted() {
        return this != REPOSITORY;
    }
}
