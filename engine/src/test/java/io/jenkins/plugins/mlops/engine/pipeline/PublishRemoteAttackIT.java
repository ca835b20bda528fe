package io.jenkins.plugins.mlops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.HttpGitServer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.3 as a repository author attacks it, over real HTTP git servers: the model repository's mlops.yml names
 * its own {@code publish.remote}, a server that asks for basic auth and records what it is sent. The operator's
 * credentials are for the operator's server only; before the fix the publish step sent them to the attacker.
 */
class PublishRemoteAttackIT {
    private static final GitCredentials OPERATOR = GitCredentials.userPassword("ada", "operator-secret");

    @TempDir
    private Path root;

    /** The repository's remote is refused naming the key; the attacker's server never sees an Authorization. */
    @Test
    void shouldNotSendTheOperatorsCredentialsToTheRepositorysRemote() throws Exception {
        Path operatorRepos = Files.createDirectories(root.resolve("operator"));
        Path attackerRepos = Files.createDirectories(root.resolve("attacker"));
        GitRepositories.createBare(attackerRepos, "loot.git");
        try (HttpGitServer operator = HttpGitServer.startWithBasicAuth(operatorRepos, "ada", "operator-secret");
                HttpGitServer attacker = HttpGitServer.startWithBasicAuth(attackerRepos, "x", "challenge")) {
            GitRepositories.createWithFiles(operatorRepos, "model.git", Map.of(
                    "train.py", CheckedWorkspace.SCRIPT, "model.joblib", "weights",
                    "mlops.yml", "publish:\n  remote: " + attacker.url("loot.git") + "\n"));
            Path workspace = root.resolve("workspace");
            CheckedWorkspace.fetch(operator.url("model.git"), OPERATOR, workspace).checked(0.95);

            Throwable thrown = catchThrowable(() -> new Publishing().publishIfPassed(workspace,
                    ConfigLoader.load(workspace), Publishing.Target.CONFIGURED, OPERATOR, new RunLog()));

            assertThat(attacker.authorizations()).as("sent to the repository's remote").isEmpty();
            assertThat(thrown).isInstanceOf(MlopsException.class).hasMessageContaining("'publish.remote'");
            assertThat(operator.authorizations()).isNotEmpty();
        }
    }
}
