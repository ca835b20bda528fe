package io.jenkins.plugins.mlops.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.ExtensionList;
import hudson.model.Item;
import hudson.security.Permission;
import java.io.File;
import jenkins.model.Jenkins;

/**
 * The only class that reaches the Jenkins singleton, so everything else can be tested and reasoned about without a
 * running Jenkins.
 */
public class JenkinsFacade {
    /**
     * Whether the current user may configure {@code item}, or administer Jenkins when there is no item (global
     * configuration, or a form opened outside a job).
     *
     * @param item the job whose form is being filled, or {@code null}
     * @return whether the form may be checked or filled
     */
    public boolean canConfigure(final Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /**
     * Whether the current user may see the credentials {@code item}'s builds can use: {@code USE_ITEM} or
     * {@code EXTENDED_READ} on the job, or administer Jenkins when there is no item (global configuration).
     *
     * @param item the job whose form is being filled, or {@code null}
     * @return whether a credentials drop-down may list and check credentials
     */
    public boolean canUseCredentials(final Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /**
     * Whether the current user may administer Jenkins.
     *
     * @return whether the user has {@link Jenkins#ADMINISTER}
     */
    public boolean canAdminister() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    /**
     * Jenkins' home folder, where the global configurations are saved.
     *
     * @return {@code JENKINS_HOME}
     */
    public File getRootDir() {
        return Jenkins.get().getRootDir();
    }

    /**
     * What model repositories may ask for.
     *
     * @return the one instance Jenkins created
     */
    public RepositoryPolicy getRepositoryPolicy() {
        return ExtensionList.lookupSingleton(RepositoryPolicy.class);
    }

    /**
     * The plugin's global configuration.
     *
     * @return the one instance Jenkins created
     */
    public MlopsGlobalConfiguration getConfiguration() {
        return ExtensionList.lookupSingleton(MlopsGlobalConfiguration.class);
    }
}
