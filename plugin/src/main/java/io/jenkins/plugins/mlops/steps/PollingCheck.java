package io.jenkins.plugins.mlops.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.scm.SCM;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.triggers.SCMTriggerItem;

/**
 * mlopsFetch is not an SCM: Jenkins polls only what an SCM of the job checks out (the Jenkinsfile's repository for
 * "Pipeline script from SCM", a {@code git}/{@code checkout} step, a freestyle job's Git SCM). A via-git loop whose
 * model repository is fetched only by mlopsFetch would silently never retrain, so the fetch says so in the build log.
 * Registering mlopsFetch as a pollable SCM would need the git plugin's SCM and its workspace checkout, which is what
 * the {@code git} step already is (see doc/jenkins.md, "Polling").
 */
final class PollingCheck {
    private PollingCheck() {
    }

    /** Says in the build log when no SCM of {@code run}'s job, nor one {@code run} checked out, names {@code url}. */
    static void warnIfNotPolled(final Run<?, ?> run, final String url, final TaskListener listener) {
        SCMTriggerItem item = SCMTriggerItem.SCMTriggerItems.asSCMTriggerItem(run.getParent());
        List<String> keys = new ArrayList<>(ScmCheckouts.of(run));
        if (item != null) {
            for (SCM scm : item.getSCMs()) {
                keys.add(scm.getKey());
            }
        }
        if (!polled(keys, url)) {
            listener.getLogger().println("[mlops] Jenkins does not poll " + url + ": no SCM of this job checks it "
                    + "out (mlopsFetch is not an SCM), so pushed via-git tweaks do not start a build. Read the "
                    + "Jenkinsfile from this repository (Pipeline script from SCM), or check it out with the git "
                    + "step first (git url: '" + url + "', poll: true); see doc/jenkins.md, Polling.");
        }
    }

    /** Whether one of the SCMs (by {@link SCM#getKey()}, e.g. {@code git https://host/repo.git}) names {@code url}. */
    static boolean polled(final List<String> scmKeys, final String url) {
        String wanted = normalized(url);
        return scmKeys.stream().anyMatch(key -> {
            for (String word : key.split("[\\s,]+")) {
                if (normalized(word).equals(wanted)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** {@code https://Host/Repo.git/} and {@code https://host/Repo} name the same repository. */
    private static String normalized(final String url) {
        String text = url.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.endsWith(".git")) {
            text = text.substring(0, text.length() - ".git".length());
        }
        int scheme = text.indexOf("://");
        int path = scheme < 0 ? -1 : text.indexOf('/', scheme + 3);
        return path < 0 ? text : text.substring(0, path).toLowerCase(Locale.ROOT) + text.substring(path);
    }
}
