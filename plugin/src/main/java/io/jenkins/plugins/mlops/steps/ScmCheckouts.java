package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.SCMListener;
import hudson.scm.SCM;
import hudson.scm.SCMRevisionState;
import java.io.File;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What a running build has checked out so far ({@code git} and {@code checkout} steps, a freestyle job's SCM), by
 * SCM key. A Pipeline job's SCMs are those of its last completed build, so the build that checks the model
 * repository out for the first time, or the first build of a job, would otherwise be told that nothing polls it.
 */
@Extension
public class ScmCheckouts extends SCMListener {
    /** Weak keys: a build's checkouts matter only while it runs; afterwards the job's SCMs include them. */
    private static final Map<Object, Set<String>> BY_BUILD = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void onCheckout(final Run<?, ?> build, final SCM scm, final FilePath workspace,
            final TaskListener listener, final File changelogFile, final SCMRevisionState pollingBaseline) {
        record(build, scm.getKey());
    }

    /** Records that {@code build} checked out the SCM with {@code key}. */
    static void record(final Object build, final String key) {
        BY_BUILD.computeIfAbsent(build, b -> Collections.synchronizedSet(new LinkedHashSet<>())).add(key);
    }

    /** The keys of the SCMs {@code build} has checked out so far. */
    static Set<String> of(final Object build) {
        Set<String> keys = BY_BUILD.get(build);
        if (keys == null) {
            return Set.of();
        }
        synchronized (keys) {
            return Set.copyOf(keys);
        }
    }
}
