package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step mlopsFetch. Clones or updates the model repository into the workspace and records the
 * commit the chain starts from.
 */
public class FetchBuilder extends MlopsBuilder implements FetchSettings {
    private final String url;
    private String branch = "main";
    private String credentialsId = "";

    /**
     * Settings for mlopsFetch; the rest are optional.
     *
     * @param url The URL of the model repository: https://..., ssh://..., git@host:path or file://....
     */
    @DataBoundConstructor
    public FetchBuilder(final String url) {
        this.url = FormChecks.trim(url);
    }

    @Override
    public String getUrl() {
        return url;
    }

    @Override
    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(final String branch) {
        this.branch = FormChecks.orDefault(branch, "main");
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = FormChecks.trim(credentialsId);
    }

    /** Registers the builder and its short name for Pipeline and Configuration as Code. */
    @Extension
    @Symbol("mlopsFetch")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return "MLOps: fetch the model repository";
        }
    }
}
