package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.jenkins.plugins.mlops.engine.model.ChainStateFixtures;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.testing.SmtpFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'mlops notify' against a real SMTP server on loopback. */
class NotifyCommandIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = SmtpFixture.smtpServer();

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
                new DeveloperNotifier(List.of(Duration.ofMillis(10), Duration.ofMillis(10))))));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    /** The mail reaches the recipients from the environment, the author and the --to override; exit 0. */
    @Test
    void shouldSendTheMail() throws Exception {
        int exit = run(SmtpFixture.environment(SMTP, "dev@example.com"), "--workspace", workspace.toString(),
                "--author", "author@example.com", "--report-link", "https://ci.example.com/1/");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("mail sent to dev@example.com, author@example.com");
        assertThat(SmtpFixture.awaitMails(SMTP, 2)[0].getSubject()).startsWith("[mlops] PASSED");
    }

    /** An SMTP server that is down is a warning: exit 3, recorded in run.json, no stack trace, no password. */
    @Test
    void shouldExitThreeWhenTheServerIsDown() throws Exception {
        Map<String, String> env = new HashMap<>(SmtpFixture.environment(SMTP, "dev@example.com"));
        env.put("MLOPS_SMTP_PORT", String.valueOf(SmtpFixture.closedPort()));
        env.put("MLOPS_SMTP_USER", "bot");
        env.put("MLOPS_SMTP_PASSWORD", "never-print-me");

        int exit = run(env, "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(err.toString()).contains("WARNING", "after 3 tries").doesNotContain("Exception");
        assertThat(new ChainStateStore(workspace).load().orElseThrow().warnings())
                .anySatisfy(w -> assertThat(w).contains("notify: mail not sent"));
        assertThat(out.toString() + err + Files.readString(new ChainStateStore(workspace).file()))
                .doesNotContain("never-print-me");
    }
}
