package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateFixtures;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotifyCommandTest {
    @TempDir
    private Path workspace;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void saveRun() {
        new ChainStateStore(workspace).save(ChainStateFixtures.fullState());
    }

    private int run(final Map<String, String> env, final String... args) {
        CommandLine command = ExitCodes.configure(new CommandLine(new NotifyCommand(env,
                new DeveloperNotifier(List.of(Duration.ZERO, Duration.ZERO)))));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    /** Without an SMTP host, --to writes the mail to .mlops/outbox, says where, and exits 0. */
    @Test
    void shouldWriteToTheOutbox() throws Exception {
        int exit = run(Map.of(), "--workspace", workspace.toString(), "--to", "dev@example.com,lead@example.com");

        assertThat(exit).as(err.toString()).isZero();
        Path outbox = workspace.resolve(".mlops/outbox");
        try (var files = Files.list(outbox)) {
            Path eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
            assertThat(out.toString()).contains("written to " + eml);
            assertThat(Files.readString(eml)).contains("To: dev@example.com, lead@example.com");
        }
    }

    /** The result is recorded in run.json as the notify step. */
    @Test
    void shouldRecordTheStep() {
        run(Map.of("MLOPS_MAIL_TO", "dev@example.com"), "--workspace", workspace.toString());

        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(state.step(StepRecord.Step.NOTIFY)).get()
                .satisfies(step -> assertThat(step.state()).isEqualTo(StepRecord.StepState.SUCCESS));
    }

    /** mlops.yml's notify.to is used when the operator allows it and neither the environment nor --to names any. */
    @Test
    void shouldUseTheRepositoryRecipientsWhenAllowed() throws Exception {
        Files.writeString(workspace.resolve("mlops.yml"), "notify:\n  to: repo@example.com\n  include_author: false\n");

        int exit = run(Map.of("MLOPS_ALLOW_REPOSITORY_RECIPIENTS", "true"), "--workspace", workspace.toString(),
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"outcome\" : \"WRITTEN_TO_OUTBOX\"", "repo@example.com");
    }

    /** Otherwise a repository does not say where the operator's mail goes (12.8): exit 2 naming the key. */
    @Test
    void shouldRefuseTheRepositoryRecipientsByDefault() throws Exception {
        Files.writeString(workspace.resolve("mlops.yml"), "notify:\n  to: attacker@example.com\n");

        int exit = run(Map.of(), "--workspace", workspace.toString(), "--json");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("'notify.to'", "MLOPS_ALLOW_REPOSITORY_RECIPIENTS");
        assertThat(out.toString()).doesNotContain("attacker@example.com");
    }

    /** Without anyone to mail, the command says how to configure it and exits 2. */
    @Test
    void shouldExplainMissingConfiguration() {
        int exit = run(Map.of(), "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("MLOPS_MAIL_TO", "--to");
    }

    /** A bad environment value exits 2 naming the variable. */
    @Test
    void shouldRejectABadEnvironment() {
        int exit = run(Map.of("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_SECURITY", "tls"),
                "--workspace", workspace.toString(), "--to", "dev@example.com");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("MLOPS_SMTP_SECURITY is 'tls'");
    }

    /** A workspace without run.json exits 2 and says what to do. */
    @Test
    void shouldExplainAMissingRun() throws Exception {
        Files.delete(new ChainStateStore(workspace).file());

        int exit = run(Map.of(), "--workspace", workspace.toString(), "--to", "dev@example.com");

        assertThat(exit).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("run.json does not exist", "mlops run");
    }

    /** The subcommand is reachable as 'mlops notify'. */
    @Test
    void shouldBeASubcommandOfMlops() {
        assertThat(MlopsCommand.newCommandLine().getSubcommands()).containsKey("notify");
    }
}
