package io.jenkins.plugins.mlops.config;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.Extension;
import hudson.XmlFile;
import hudson.model.Run;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.ui.FormChecks;
import io.jenkins.plugins.mlops.ui.SettingValues;
import java.util.Map;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins > System > MLOps: where Docker runs, which trainer image each framework uses, the default target
 * and the mail server. Configuration as Code reads and writes it under {@code unclassified: mlops:}.
 */
@Extension
@Symbol("mlops")
public class MlopsGlobalConfiguration extends GlobalConfiguration {
    private String dockerHost = "";
    private boolean dockerTlsVerify;
    private String dockerCertPath = "";
    private String kerasImage = "mlops/keras:0.1";
    private String pytorchImage = "mlops/pytorch:0.1";
    private String sklearnImage = "mlops/sklearn:0.1";
    /** {@code null}: not set, the repository's mlops.yml or the built-in default decides. */
    private Double defaultTarget;
    private String smtpHost = "";
    /** {@code null}: not set, the usual port of {@link #smtpSecurity}. */
    private Integer smtpPort;
    /** {@code none}, {@code starttls} or {@code ssl}; {@code null} (saved before the field existed) is STARTTLS. */
    private String smtpSecurity = SettingValues.DEFAULT_SMTP_SECURITY;
    private String smtpCredentialsId = "";
    private String mailFrom = "";
    private String committerName = "";
    private String committerEmail = "";

    /** Loads the saved configuration; Jenkins creates the one instance. */
    public MlopsGlobalConfiguration() {
        super();
        load();
    }

    @Override
    public String getDisplayName() {
        return "MLOps";
    }

    /** The file named after the class's former name, so the settings saved before it moved here are kept. */
    @Override
    protected XmlFile getConfigFile() {
        return SettingsFile.of(MlopsGlobalConfiguration.class);
    }

    /**
     * The configuration as the engine on the agent needs it.
     *
     * @param run         the build, whose job names the default committer
     * @param environment the build's environment, for its Docker variables
     * @return a snapshot for the agent
     */
    public EngineSettings toEngineSettings(final Run<?, ?> run, final Map<String, String> environment) {
        RepositoryPolicy repositories = new JenkinsFacade().getRepositoryPolicy();
        OperatorPolicy policy = repositories.toPolicy(defaults(run.getParent().getFullName()),
                Map.of(Framework.KERAS, kerasImage, Framework.PYTORCH, pytorchImage, Framework.SKLEARN, sklearnImage));
        return new EngineSettings(dockerHost, dockerTlsVerify, dockerCertPath,
                EngineSettings.dockerVariables(environment), policy, repositories.toSandbox(), mailFrom,
                !smtpHost.isEmpty());
    }

    /**
     * The SMTP server and login, for the controller only: the mail the agent rendered is sent from here, so the
     * password never reaches an agent.
     *
     * @param run the build, for tracking the SMTP credentials
     * @return the server, or {@code null} when none is configured
     * @throws AbortException if the SMTP credentials cannot be found
     */
    public MailServer mailServer(final Run<?, ?> run) throws AbortException {
        if (smtpHost.isEmpty()) {
            return null;
        }
        StandardUsernamePasswordCredentials smtp = CredentialsResolver.smtp(run, smtpCredentialsId);
        return new MailServer(smtpHost, smtpPort == null ? 0 : smtpPort, getSmtpSecurity(),
                smtp == null ? null : smtp.getUsername(), smtp == null ? null : smtp.getPassword().getPlainText());
    }

    /**
     * The operator's defaults, below each repository's mlops.yml and above the built-in defaults: the default
     * target and the committer of the tool's commits (by default the tool and the job, so a commit says where it
     * came from).
     *
     * @param job the job's full name
     * @return only what is set
     */
    Overrides defaults(final String job) {
        return Overrides.builder().target(defaultTarget)
                .committerName(committerName.isEmpty() ? "mlops (Jenkins job " + job + ")" : committerName)
                .committerEmail(committerEmail).build();
    }

    public String getCommitterName() {
        return committerName;
    }

    /**
     * Sets the committer name of the tool's commits (via-git tweaks, published models); empty names the tool and the
     * job.
     *
     * @throws IllegalArgumentException for a name over several lines
     */
    @DataBoundSetter
    public void setCommitterName(final String committerName) {
        this.committerName = SettingValues.singleLine("Committer name", committerName);
        save();
    }

    public String getCommitterEmail() {
        return committerEmail;
    }

    /**
     * Sets the committer e-mail of the tool's commits (via-git tweaks, published models); empty keeps the engine's.
     *
     * @throws IllegalArgumentException for anything but one mail address
     */
    @DataBoundSetter
    public void setCommitterEmail(final String committerEmail) {
        this.committerEmail = SettingValues.address("Committer e-mail", committerEmail);
        save();
    }

    public String getDockerHost() {
        return dockerHost;
    }

    @DataBoundSetter
    public void setDockerHost(final String dockerHost) {
        this.dockerHost = FormChecks.trim(dockerHost);
        save();
    }

    public boolean isDockerTlsVerify() {
        return dockerTlsVerify;
    }

    @DataBoundSetter
    public void setDockerTlsVerify(final boolean dockerTlsVerify) {
        this.dockerTlsVerify = dockerTlsVerify;
        save();
    }

    public String getDockerCertPath() {
        return dockerCertPath;
    }

    @DataBoundSetter
    public void setDockerCertPath(final String dockerCertPath) {
        this.dockerCertPath = FormChecks.trim(dockerCertPath);
        save();
    }

    public String getKerasImage() {
        return kerasImage;
    }

    @DataBoundSetter
    public void setKerasImage(final String kerasImage) {
        this.kerasImage = FormChecks.trim(kerasImage);
        save();
    }

    public String getPytorchImage() {
        return pytorchImage;
    }

    @DataBoundSetter
    public void setPytorchImage(final String pytorchImage) {
        this.pytorchImage = FormChecks.trim(pytorchImage);
        save();
    }

    public String getSklearnImage() {
        return sklearnImage;
    }

    @DataBoundSetter
    public void setSklearnImage(final String sklearnImage) {
        this.sklearnImage = FormChecks.trim(sklearnImage);
        save();
    }

    /** The default target as the form shows it; empty when not set. */
    public String getDefaultTarget() {
        return defaultTarget == null ? "" : defaultTarget.toString();
    }

    /** The default target, or {@code null} when not set. */
    Double defaultTarget() {
        return defaultTarget;
    }

    /**
     * Sets the default target; empty means not set.
     *
     * @throws IllegalArgumentException for anything but a finite number, so a typo never becomes a target of 0
     */
    @DataBoundSetter
    public void setDefaultTarget(final String defaultTarget) {
        this.defaultTarget = SettingValues.target("Default target", defaultTarget);
        save();
    }

    public String getSmtpHost() {
        return smtpHost;
    }

    @DataBoundSetter
    public void setSmtpHost(final String smtpHost) {
        this.smtpHost = FormChecks.trim(smtpHost);
        save();
    }

    /** The SMTP port as the form shows it; empty when not set. */
    public String getSmtpPort() {
        return smtpPort == null ? "" : smtpPort.toString();
    }

    /**
     * Sets the SMTP port; empty means the usual port of the security setting.
     *
     * @throws IllegalArgumentException for anything but 1-65535
     */
    @DataBoundSetter
    public void setSmtpPort(final String smtpPort) {
        this.smtpPort = SettingValues.port("SMTP port", smtpPort);
        save();
    }

    public String getSmtpSecurity() {
        return smtpSecurity == null ? SettingValues.DEFAULT_SMTP_SECURITY : smtpSecurity;
    }

    /**
     * Sets how the connection to the SMTP server is secured: {@code starttls} (the default), {@code ssl} or
     * {@code none}.
     *
     * @throws IllegalArgumentException for any other value
     */
    @DataBoundSetter
    public void setSmtpSecurity(final String smtpSecurity) {
        this.smtpSecurity = SettingValues.security("SMTP security", smtpSecurity);
        save();
    }

    public String getSmtpCredentialsId() {
        return smtpCredentialsId;
    }

    @DataBoundSetter
    public void setSmtpCredentialsId(final String smtpCredentialsId) {
        this.smtpCredentialsId = FormChecks.trim(smtpCredentialsId);
        save();
    }

    public String getMailFrom() {
        return mailFrom;
    }

    @DataBoundSetter
    public void setMailFrom(final String mailFrom) {
        this.mailFrom = FormChecks.trim(mailFrom);
        save();
    }

    @POST
    public FormValidation doCheckDockerHost(@QueryParameter final String value) {
        return canAdminister() ? FormChecks.dockerHost(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckKerasImage(@QueryParameter final String value) {
        return canAdminister() ? FormChecks.image(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckPytorchImage(@QueryParameter final String value) {
        return canAdminister() ? FormChecks.image(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckSklearnImage(@QueryParameter final String value) {
        return canAdminister() ? FormChecks.image(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckDefaultTarget(@QueryParameter final String value) {
        return canAdminister() ? FormChecks.defaultTarget(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckCommitterEmail(@QueryParameter final String value) {
        return canAdminister() ? FormChecks.optionalAddress(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckSmtpPort(@QueryParameter final String value) {
        return canAdminister() ? FormChecks.optionalPort(value) : FormValidation.ok();
    }

    @POST
    public ListBoxModel doFillSmtpSecurityItems() {
        return FormChecks.securities();
    }

    @POST
    public ListBoxModel doFillSmtpCredentialsIdItems(@QueryParameter final String smtpCredentialsId) {
        return CredentialsFields.credentials(null, smtpCredentialsId);
    }

    @POST
    public FormValidation doCheckSmtpCredentialsId(@QueryParameter final String value) {
        return CredentialsFields.credentialsId(null, value, false);
    }

    private static boolean canAdminister() {
        return new JenkinsFacade().canAdminister();
    }
}
