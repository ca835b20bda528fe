package io.jenkins.plugins.mlops.engine.testing;

import io.jenkins.plugins.mlops.engine.train.DockerClientFactory;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.function.Function;
import java.util.function.Supplier;
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

    private final Supplier<String> daemonProblem;
    private final Function<String, String> environment;

    /** The condition JUnit instantiates: the real daemon and the real environment. */
    public DockerAvailableCondition() {
        this(DockerAvailableCondition::pingDaemon, System::getenv);
    }

    /** A condition over a given daemon check ({@code null} = answers) and environment, for testing it. */
    DockerAvailableCondition(final Supplier<String> daemonProblem, final Function<String, String> environment) {
        this.daemonProblem = daemonProblem;
        this.environment = environment;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context) {
        String problem = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("daemon", key -> new Answer(daemonProblem.get()), Answer.class).problem();
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
