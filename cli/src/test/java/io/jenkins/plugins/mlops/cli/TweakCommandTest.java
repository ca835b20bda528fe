package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.pipeline.Fetching;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mlops tweak}: parameters from a search space, or an edit of the model code. */
class TweakCommandTest {
    private static final String SCRIPT = """
            from sklearn.neural_network import MLPClassifier
            model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=20)
            """;

    @TempDir
    private Path workspace;

    @TempDir
    private Path remote;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int tweak(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 3];
        all[0] = "tweak";
        all[1] = "--workspace";
        all[2] = workspace.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return commandLine.execute(all);
    }

    /** The run.json of a workspace whose model was detected, trained once and checked against 0.90. */
    private void checked(final double metric) {
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.loadOrStart().withDetection(new Detection("train.py",
                new ModelType(Framework.SKLEARN, Architecture.ANN), "mlops/sklearn:0.1", 0.9, false, List.of()));
        Verdict verdict = metric >= 0.9 ? Verdict.PASSED : Verdict.BELOW_TARGET;
        store.save(state.withTrial(TrialRecord.running(state.nextTrialNumber(), Map.of(), null, null, null, null)
                .finish(TrialState.COMPLETE, metric, 1, null, null)).withGate(new GateResult(verdict, "accuracy",
                        metric, 0.9, Direction.MAXIMIZE, "accuracy " + metric + " against 0.90")));
    }

    private void detected(final TrialRecord... trials) {
        ChainState state = ChainState.start("run-1").withDetection(new Detection("train.py",
                new ModelType(Framework.SKLEARN, Architecture.ANN), "mlops/sklearn:0.1", 0.9, false, List.of()));
        for (TrialRecord trial : trials) {
            state = state.withTrial(trial);
        }
        new ChainStateStore(workspace).save(state);
    }

    /** With a search space, the sampled parameters go to .mlops/params.json and the JSON answer; exit 0. */
    @Test
    void shouldSampleParametersFromTheSearchSpace() throws IOException {
        Files.writeString(workspace.resolve("mlops.yml"), """
                sampler: random
                search_space:
                  hidden_units: {type: int, low: 2, high: 128, log: true}
                  solver: {type: choice, values: [adam, sgd]}
                """);

        int exit = tweak("--json", "--seed", "7");

        assertThat(exit).isZero();
        JsonNode answer = new ObjectMapper().readTree(out.toString());
        assertThat(answer.get("mode").asText()).isEqualTo("search_space");
        assertThat(answer.get("tweaked").asBoolean()).isTrue();
        Map<String, Object> params = new ObjectMapper().readerForMapOf(Object.class)
                .readValue(workspace.resolve(".mlops/params.json").toFile());
        assertThat(params).containsOnlyKeys("hidden_units", "solver");
        assertThat(answer.get("params").get("solver").asText()).isEqualTo(params.get("solver"));
        assertThat(new ChainStateStore(workspace).file()).doesNotExist();
    }

    /** The same seed and history give the same parameters; another seed other ones. */
    @Test
    void shouldBeReproducible() throws IOException {
        Files.writeString(workspace.resolve("mlops.yml"), "search_space: {lr: {type: float, low: 0.0001, high: 0.1, "
                + "log: true}}\n");

        tweak("--seed", "1");
        String first = Files.readString(workspace.resolve(".mlops/params.json"));
        tweak("--seed", "1");
        String again = Files.readString(workspace.resolve(".mlops/params.json"));
        tweak("--seed", "2");

        assertThat(again).isEqualTo(first);
        assertThat(Files.readString(workspace.resolve(".mlops/params.json"))).isNotEqualTo(first);
    }

    /** Without a search space, the entry is edited, the diff printed and the step recorded in run.json. */
    @Test
    void shouldEditTheCodeWithoutASearchSpace() throws IOException {
        Files.writeString(workspace.resolve("train.py"), SCRIPT);
        detected(TrialRecord.running(1, Map.of(), null, "baseline", null, null)
                .finish(TrialState.COMPLETE, 0.3, 1, null, null));

        int exit = tweak();

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -1,2 +1,2 @@
                 from sklearn.neural_network import MLPClassifier
                -model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=20)
                +model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=40)
                """);
        assertThat(Files.readString(workspace.resolve("train.py"))).contains("max_iter=40");
        assertThat(new ChainStateStore(workspace).load().orElseThrow().step(StepRecord.Step.TWEAK).orElseThrow()
                .summary()).isEqualTo("[max_iter] max_iter 20 -> 40");
    }

    /** When no safe edit applies the file stays as it was, the log says why, and the exit code is 1. */
    @Test
    void shouldSayWhyNothingWasEdited() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "from sklearn.svm import SVC\nmodel = SVC()\n");
        detected();

        int exit = tweak("--json");

        assertThat(exit).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out.toString()).get("tweaked").asBoolean()).isFalse();
        assertThat(err.toString()).contains("No safe source edit applies to train.py");
        assertThat(Files.readString(workspace.resolve("train.py"))).isEqualTo("from sklearn.svm import SVC\nmodel = SVC()\n");
    }

    /** --mode via-git commits the edit with trailers and pushes it to the fetched branch; the JSON names the commit. */
    @Test
    void shouldPushAViaGitTweak() throws IOException {
        String url = LocalRepositories.createBare(remote.resolve("model.git"), "main",
                Map.of("train.py", SCRIPT.getBytes(StandardCharsets.UTF_8)), "weak model", "Dana", "dana@example.com");
        new Fetching().fetch(workspace, url, "main", GitCredentials.NONE, 0, new RunLog());
        checked(0.3);

        int exit = tweak("--mode", "via-git", "--max-trials", "3", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode answer = new ObjectMapper().readTree(out.toString());
        assertThat(answer.get("tweaked").asBoolean()).isTrue();
        assertThat(answer.get("change").asText()).isEqualTo("[max_iter] max_iter 20 -> 40");
        assertThat(answer.get("kind").asText()).isEqualTo("MAX_ITER");
        Path clone = remote.resolve("clone");
        new Fetching().fetch(clone, url, "main", GitCredentials.NONE, 0, new RunLog());
        assertThat(TrialTrailers.read(clone)).singleElement().satisfies(trial -> {
            assertThat(trial.commit()).isEqualTo(answer.get("commit").asText());
            assertThat(trial.trial()).isEqualTo(1);
            assertThat(trial.metric()).isEqualTo(0.3);
        });
    }

    /**
     * Issue 13.1: a checkout whose .git/config (copied back from a training, or planted) points core.hooksPath at a
     * hook folder tracked in the repository, names a clean filter for train.py and rewrites the remote's URL. A
     * via-git tweak commits and pushes on the host: no hook or filter may run there, and the push goes to the URL the
     * tool fetched from. Before the fix the hooks and the filter ran.
     */
    @Test
    void shouldRunNoHookOrFilterOfTheRepository() throws IOException {
        Path marker = remote.resolve("pwned");
        String hook = "#!/bin/sh\necho \"$0\" >> " + marker + "\n";
        String url = LocalRepositories.createBare(remote.resolve("model.git"), "main", Map.of(
                "train.py", SCRIPT.getBytes(StandardCharsets.UTF_8),
                ".gitattributes", "*.py filter=evil\n".getBytes(StandardCharsets.UTF_8),
                "hooks/pre-commit", hook.getBytes(StandardCharsets.UTF_8),
                "hooks/commit-msg", hook.getBytes(StandardCharsets.UTF_8),
                "hooks/post-commit", hook.getBytes(StandardCharsets.UTF_8),
                "hooks/pre-push", hook.getBytes(StandardCharsets.UTF_8)), "weak model", "Eve", "eve@example.com");
        new Fetching().fetch(workspace, url, "main", GitCredentials.NONE, 0, new RunLog());
        for (String name : List.of("pre-commit", "commit-msg", "post-commit", "pre-push")) {
            workspace.resolve("hooks").resolve(name).toFile().setExecutable(true);
        }
        Files.writeString(workspace.resolve(".git/config"), "[core]\n\thooksPath = hooks\n"
                + "[filter \"evil\"]\n\tclean = tee -a " + marker + "\n\tsmudge = tee -a " + marker + "\n"
                + "[url \"http://127.0.0.1:9/stolen.git#\"]\n\tinsteadOf = file:\n", StandardOpenOption.APPEND);
        checked(0.3);

        int exit = tweak("--mode", "via-git", "--max-trials", "3", "--json");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("commit").asText()).isNotBlank();
        assertThat(marker).as("what ran on the host: %s", Files.exists(marker) ? Files.readString(marker) : "")
                .doesNotExist();
    }

    /**
     * Issue 12.1: each tweak commit is stamped when it is made (a static ident kept the time the class loaded), from
     * the tool and the job's folder by default, or from git.committer_name/_email of mlops.yml.
     */
    @Test
    void shouldCommitAsTheConfiguredCommitterAtCommitTime() throws Exception {
        Instant started = Instant.now().minusSeconds(2);
        PersonIdent byDefault = committerOfTweak(Map.of());
        assertThat(byDefault.getName()).isEqualTo("mlops (" + workspace.getFileName() + ")");
        assertThat(byDefault.getEmailAddress()).isEqualTo("mlops@localhost");
        assertThat(byDefault.getWhenAsInstant()).isAfter(started);

        Files.walk(workspace).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        PersonIdent configured = committerOfTweak(Map.of("mlops.yml",
                "git:\n  committer_name: CI Bot\n  committer_email: ci@example.com\n"));
        assertThat(configured.getName()).isEqualTo("CI Bot");
        assertThat(configured.getEmailAddress()).isEqualTo("ci@example.com");
        assertThat(configured.getWhenAsInstant()).isAfter(started);
    }

    private PersonIdent committerOfTweak(final Map<String, String> extraFiles) throws Exception {
        Path bare = remote.resolve("model-" + extraFiles.size() + ".git");
        Map<String, byte[]> files = new java.util.HashMap<>();
        files.put("train.py", SCRIPT.getBytes(StandardCharsets.UTF_8));
        extraFiles.forEach((name, content) -> files.put(name, content.getBytes(StandardCharsets.UTF_8)));
        String url = LocalRepositories.createBare(bare, "main", files, "weak model", "Dana", "dana@example.com");
        new Fetching().fetch(workspace, url, "main", GitCredentials.NONE, 0, new RunLog());
        checked(0.3);
        out.getBuffer().setLength(0);

        int exit = tweak("--mode", "via-git", "--json");

        assertThat(exit).as(err.toString()).isZero();
        String commit = new ObjectMapper().readTree(out.toString()).get("commit").asText();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
                RevWalk walk = new RevWalk(repository)) {
            RevCommit pushed = walk.parseCommit(repository.resolve(commit));
            assertThat(pushed.getAuthorIdent().getName()).isEqualTo(pushed.getCommitterIdent().getName());
            return pushed.getCommitterIdent();
        }
    }

    /** After a passed check there is nothing to tweak: the code stays, the log says why, exit 1. */
    @Test
    void shouldNotTweakAfterAPassedCheck() throws IOException {
        Files.writeString(workspace.resolve("train.py"), SCRIPT);
        detected();
        checked(0.95);

        int exit = tweak("--json");

        assertThat(exit).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(out.toString()).get("reason").asText()).isEqualTo("the gate passed");
        assertThat(err.toString()).contains("Not tweaking: the gate passed");
        assertThat(Files.readString(workspace.resolve("train.py"))).isEqualTo(SCRIPT);
    }

    /** Without a detection in run.json the command detects first, says so, and edits the code. */
    @Test
    void shouldDetectFirstWhenNothingWasDetected() throws IOException {
        String script = SCRIPT + "model.fit([[0], [1]], [0, 1])\n";
        Files.writeString(workspace.resolve("train.py"), script);

        assertThat(tweak()).as(err.toString()).isZero();

        assertThat(err.toString()).contains("Nothing was detected yet").contains("Detected sklearn");
        assertThat(new ChainStateStore(workspace).load().orElseThrow().detection().type().framework())
                .isEqualTo(Framework.SKLEARN);
        assertThat(Files.readString(workspace.resolve("train.py"))).isNotEqualTo(script);
        assertThat(out.toString()).startsWith("---");
    }

    /** A folder with no training script: the detect step's error, exit 2. */
    @Test
    void shouldSayWhatDetectFoundNothingIn() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print('hello')\n");

        assertThat(tweak()).isEqualTo(2);
        assertThat(err.toString()).contains("Nothing was detected yet").contains("No training script found");
    }
}
