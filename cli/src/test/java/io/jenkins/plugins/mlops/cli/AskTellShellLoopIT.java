package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.testing.SecondDockerDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented shell loop (doc/examples/ask-tell-loop.sh) drives a study with mlops ask / train --spec / tell,
 * two trials at a time on two real Docker daemons: the shared one and a second one started for this test.
 */
@RequiresDocker
class AskTellShellLoopIT {
    private static SecondDockerDaemon second;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSecondDaemon() {
        second = SecondDockerDaemon.start("mlops/sklearn:0.1");
    }

    @AfterAll
    static void stopSecondDaemon() {
        if (second != null) {
            second.stop();
        }
    }

    /** Six trials, three per host, every result told; the best trial's model file is where the study says. */
    @Test
    void shouldRunAStudyFromAShellLoopOnTwoHosts() throws IOException, InterruptedException {
        Path study = Files.createDirectories(dir.resolve("study"));
        Files.writeString(study.resolve("train.py"), """
                import json, os
                import joblib
                from sklearn.datasets import load_digits
                from sklearn.model_selection import train_test_split
                from sklearn.tree import DecisionTreeClassifier
                params = json.loads(os.environ.get("MLOPS_PARAMS") or "{}")
                X, y = load_digits(return_X_y=True)
                X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
                model = DecisionTreeClassifier(max_depth=int(params["depth"]), random_state=0).fit(X_train, y_train)
                joblib.dump(model, "model.joblib")
                print(f"MLOPS_METRIC accuracy={model.score(X_test, y_test):.4f}")
                """);
        // A tree never reaches 0.99 on digits: the study runs all six trials.
        Files.writeString(study.resolve("mlops.yml"), """
                entry: train.py
                image: mlops/sklearn:0.1
                target: 0.99
                max_trials: 6
                sampler: random
                search_space:
                  depth: {type: int, low: 2, high: 12}
                train:
                  timeout: 10m
                  cpus: 1
                  artifacts: [model.joblib]
                """);
        Path work = dir.resolve("work");
        Path script = repositoryRoot().resolve("doc/examples/ask-tell-loop.sh");
        String mlops = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar "
                + Path.of("target", "mlops.jar").toAbsolutePath();
        ProcessBuilder loop = new ProcessBuilder("bash", script.toString(), study.toString(), "2",
                System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"), second.host())
                .redirectErrorStream(true).redirectOutput(dir.resolve("loop.log").toFile());
        loop.environment().putAll(Map.of("MLOPS", mlops, "WORK_DIR", work.toString()));

        Process process = loop.start();
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }

        String log = Files.readString(dir.resolve("loop.log"));
        assertThat(ended).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        ChainState state = new ChainStateStore(study).load().orElseThrow();
        assertThat(state.trials()).as(log).hasSize(6);
        assertThat(state.trials()).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE);
        // Each worker asks again as soon as it has told: both hosts train, in an order the trainings' times decide.
        assertThat(state.trials()).extracting(t -> t.modelLocation().worker())
                .containsOnly("host1", "host2").contains("host1", "host2");
        TrialRecord best = state.best().orElseThrow();
        assertThat(Path.of(best.modelLocation().folder()).resolve("model.joblib")).isNotEmptyFile();
        // The last trial told, whichever it is, finds the study done.
        StringBuilder statuses = new StringBuilder();
        for (int n = 1; n <= 6; n++) {
            statuses.append(Files.readString(work.resolve("status-" + n + ".json")));
        }
        assertThat(statuses).contains("\"done\":true");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("doc/examples"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
