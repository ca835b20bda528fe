package io.jenkins.plugins.mlops.engine.testing;

import io.jenkins.plugins.mlops.engine.train.DockerClientFactory;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition behind {@link RequiresDocker}: pings the daemon the environment names (once per test run) and
 * disables the test when it does not answer, unless {@code CI=true}, where a missing daemon is an error.
 */
public final class DockerAvailableCondition implements ExecutionCondition {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerAvailableCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context) {
        String problem = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("daemon", key -> new Answer(pingDaemon()), Answer.class).problem();
        return decide(problem, System::getenv);
    }

    /**
     * Runs the test when the daemon answered ({@code problem == null}), skips it otherwise, or fails in CI.
     *
     * @throws IllegalStateException when the daemon does not answer and {@code CI=true}
     */
    static ConditionEvaluationResult decide(final String problem, final Function<String, String> environment) {
        if (problem == null) {
            return ConditionEvaluationResult.enabled("Docker daemon answers");
        }
        if ("true".equalsIgnoreCase(environment.apply("CI"))) {
            throw new IllegalStateException("CI=true but no Docker daemon answers, so the Docker tests cannot run "
                    + "(they must not be skipped in CI): " + problem);
        }
        return ConditionEvaluationResult.disabled("No Docker daemon answers, test skipped: " + problem);
    }

    private static String pingDaemon() {
        try {
            DockerClientFactory.fromEnvironment().checkDaemon();
            return null;
        }
        catch (MlopsException e) {
            return e.getMessage();
        }
    }

    /** Cached answer of the daemon check ({@code null} problem = the daemon answers). */
    private record Answer(String problem) {
    }
}
