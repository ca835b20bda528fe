package io.jenkins.plugins.mlops.engine.train;

/**
 * Receives the container's output line by line while it runs, stdout and stderr kept apart. Called from a reader
 * thread, one line at a time, in the order the container wrote each stream.
 */
public interface TrainingOutput {
    /** A line the script wrote to stdout (without the line break). */
    void stdout(String line);

    /** A line the script wrote to stderr (without the line break). */
    void stderr(String line);

    /** An output that drops every line. */
    static TrainingOutput discard() {
        return new TrainingOutput() {
            @Override
            public void stdout(final String line) {
                // dropped on purpose: the caller only wants the result
            }

            @Override
            public void stderr(final String line) {
                // dropped on purpose: the caller only wants the result
            }
        };
    }
}
