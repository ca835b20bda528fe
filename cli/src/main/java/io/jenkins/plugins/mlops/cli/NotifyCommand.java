package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.notify.MailSettings;
import io.jenkins.plugins.mlops.engine.notify.NotifyResult;
import io.jenkins.plugins.mlops.engine.pipeline.Notifying;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code mlops notify}: mails the developer how the workspace's chain went, or writes the mail to the outbox folder
 * when no SMTP server is configured. Server and password come only from the environment ({@code MLOPS_SMTP_*}).
 */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {"Mail the developer how the run went: verdict, best metric vs target, the trials, a chart, "
                + "the published model.",
                "SMTP comes from the environment: MLOPS_SMTP_HOST, MLOPS_SMTP_PORT, MLOPS_SMTP_SECURITY "
                + "(none|starttls|ssl), MLOPS_SMTP_USER, MLOPS_SMTP_PASSWORD, MLOPS_MAIL_FROM, MLOPS_MAIL_TO "
                + "(comma-separated). Without MLOPS_SMTP_HOST the mail is written to .mlops/outbox as an .eml file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:mail sent, or written to the outbox", "2:bad input or configuration",
                "3:the mail could not be delivered"})
final class NotifyCommand implements Callable<Integer> {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
            description = "The model repository with .mlops/run.json (default: the current directory).")
    private Path workspace;

    @Option(names = "--to", paramLabel = "ADDRESS", split = ",",
            description = "Recipients, comma-separated; replace MLOPS_MAIL_TO and notify.to of mlops.yml.")
    private List<String> to;

    @Option(names = "--from", paramLabel = "ADDRESS",
            description = "The sender; replaces MLOPS_MAIL_FROM and notify.from of mlops.yml.")
    private String from;

    @Option(names = "--author", paramLabel = "ADDRESS",
            description = "The trained commit's author, mailed too unless notify.include_author is false.")
    private String author;

    @Option(names = "--report-link", paramLabel = "URL", description = "The build or report page to link to.")
    private String reportLink;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final DeveloperNotifier notifier;

    NotifyCommand() {
        this(System.getenv(), new DeveloperNotifier());
    }

    NotifyCommand(final Map<String, String> environment, final DeveloperNotifier notifier) {
        this.environment = environment;
        this.notifier = notifier;
    }

    @Override
    public Integer call() {
        Path root = workspace.toAbsolutePath().normalize();
        ChainStateStore store = new ChainStateStore(root);
        if (store.load().isEmpty()) {
            throw MlopsException.input("There is no run to report on: " + store.file()
                    + " does not exist. Run 'mlops run' first, or pass --workspace.");
        }
        Overrides options = Overrides.builder().recipients(to).mailFrom(from).build();
        MailSettings settings = Notifying.settings(root, ConfigLoader.load(root, null, options,
                OperatorPolicy.fromEnvironment(environment)), environment)
                .orElseThrow(() -> MlopsException.input("Nobody to mail: set MLOPS_MAIL_TO (and MLOPS_SMTP_HOST to "
                        + "send rather than write to the outbox), notify.to in mlops.yml, or pass --to."));

        PrintWriter out = spec.commandLine().getOut();
        RunLog log = json ? new RunLog() : new RunLog((error, line) -> (error ? spec.commandLine().getErr() : out)
                .println(line));
        NotifyResult result = new Notifying(notifier).notify(root, settings, author, reportLink, log);
        if (json) {
            printJson(out, result);
        }
        out.flush();
        return result.delivered() ? ExitCodes.TARGET_MET : ExitCodes.INFRASTRUCTURE;
    }

    private static void printJson(final PrintWriter out, final NotifyResult result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("outcome", result.outcome());
        fields.put("detail", result.detail());
        fields.put("emlFile", result.emlFile() == null ? null : result.emlFile().toString());
        fields.put("recipients", result.recipients());
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fields));
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot print the result as JSON", e);
        }
    }
}
