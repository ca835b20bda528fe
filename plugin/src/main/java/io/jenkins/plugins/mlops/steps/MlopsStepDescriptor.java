package io.jenkins.plugins.mlops.steps;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.config.CredentialsFields;
import io.jenkins.plugins.mlops.config.JenkinsFacade;
import io.jenkins.plugins.mlops.ui.FormChecks;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor base of the Pipeline steps; they need a workspace, so they run inside {@code node}.
 * Holds the form endpoints of every field the steps have (a form
 * calls only those of its own fields); each checks that the user may configure the job, then delegates to
 * {@link FormChecks}.
 */
public abstract class MlopsStepDescriptor extends StepDescriptor {
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, TaskListener.class);
    }

    @POST
    public FormValidation doCheckUrl(@AncestorInPath final Item item, @QueryParameter final String value) {
        return allowed(item) ? FormChecks.gitUrl(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckRemote(@AncestorInPath final Item item, @QueryParameter final String value) {
        return allowed(item) ? FormChecks.optionalGitUrl(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckImage(@AncestorInPath final Item item, @QueryParameter final String value) {
        return allowed(item) ? FormChecks.image(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTarget(@AncestorInPath final Item item, @QueryParameter final String value) {
        return allowed(item) ? FormChecks.target(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckMaxTrials(@AncestorInPath final Item item, @QueryParameter final String value) {
        return allowed(item) ? FormChecks.optionalPositive(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTimeoutMinutes(@AncestorInPath final Item item,
            @QueryParameter final String value) {
        return allowed(item) ? FormChecks.optionalPositive(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckRecipients(@AncestorInPath final Item item, @QueryParameter final String value) {
        return allowed(item) ? FormChecks.recipients(value) : FormValidation.ok();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath final Item item,
            @QueryParameter final String credentialsId) {
        return CredentialsFields.gitCredentials(item, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath final Item item, @QueryParameter final String value) {
        return CredentialsFields.credentialsId(item, value, true);
    }

    @POST
    public ListBoxModel doFillModeItems() {
        return FormChecks.modes();
    }

    private static boolean allowed(final Item item) {
        return new JenkinsFacade().canConfigure(item);
    }
}
