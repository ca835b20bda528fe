package io.jenkins.plugins.mlops.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.ui.FormChecks;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * The credentials fields of the forms (builders, Pipeline snippet generator, global configuration): what their
 * drop-down lists and whether the id entered is one the builds can use. Each asks {@link JenkinsFacade} who may see
 * credentials, which is why they are here and not among the {@link FormChecks}.
 */
public final class CredentialsFields {
    private CredentialsFields() {
    }

    /**
     * The username/password credentials a user who may configure {@code item} can pick, or only the current value
     * for anybody else (so the form never lists credentials to people who may not see them).
     */
    public static ListBoxModel credentials(final Item item, final String current) {
        return credentials(item, current, StandardUsernamePasswordCredentials.class);
    }

    /** As {@link #credentials(Item, String)}, for git: username/password (or token) and SSH private keys. */
    public static ListBoxModel gitCredentials(final Item item, final String current) {
        return credentials(item, current, StandardUsernameCredentials.class);
    }

    /**
     * As the credentials plugin recommends: only people who may use the job's credentials (or administrators, for
     * the global configuration) see the list, and it lists what the job's builds would see (the item's
     * authentication, not SYSTEM's), so nobody picks credentials that the build then cannot find.
     */
    private static ListBoxModel credentials(final Item item, final String current,
            final Class<? extends StandardUsernameCredentials> type) {
        if (!new JenkinsFacade().canUseCredentials(item)) {
            return new StandardListBoxModel().includeCurrentValue(FormChecks.trim(current));
        }
        return new StandardListBoxModel().includeEmptyValue()
                .includeMatchingAs(authentication(item), item, type, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(FormChecks.trim(current));
    }

    /**
     * Whether the credentials {@code value} names are among those the job's builds (or, without a job, Jenkins
     * itself) can use: a warning, not an error, since the credentials may be added later.
     */
    public static FormValidation credentialsId(final Item item, final String value, final boolean git) {
        String id = FormChecks.trim(value);
        if (id.isEmpty() || !new JenkinsFacade().canUseCredentials(item)) {
            return FormValidation.ok();
        }
        Class<? extends StandardUsernameCredentials> type = git ? StandardUsernameCredentials.class
                : StandardUsernamePasswordCredentials.class;
        if (CredentialsProvider.listCredentialsInItem(type, item, authentication(item), List.of(),
                CredentialsMatchers.withId(id)).isEmpty()) {
            return FormValidation.warning("No " + (git ? "username/password or SSH key" : "username/password")
                    + " credentials with this id are visible here; add them under Manage Jenkins > Credentials.");
        }
        return FormValidation.ok();
    }

    /** Whom builds of {@code item} run as (its queue authentication); SYSTEM for the global configuration. */
    private static Authentication authentication(final Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }
}
