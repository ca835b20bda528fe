package io.jenkins.plugins.mlops.engine.source;

import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.BaseRepositoryBuilder;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;

/**
 * A repository whose own configuration ({@code .git/config}, and what it includes) is seen without the keys that run
 * programs (hooks path, fsmonitor, ssh command, filters, external pack programs, signing programs), rewrite URLs
 * ({@code url.*.insteadOf}, which would send credentials elsewhere) or change the transport ({@code http.*},
 * credential helpers). The operator's own user and system configuration still apply. The view is cleaned each time
 * it is read, as JGit reloads the file when it changes.
 */
final class ToolRepository extends FileRepository {
    private static final List<String> CORE_KEYS = List.of("hooksPath", "fsmonitor", "sshCommand", "askPass",
            "editor", "pager", "attributesFile", "worktree", "gitProxy");
    private static final List<String> SECTIONS = List.of("filter", "url", "http", "credential", "gpg", "include",
            "includeIf", "lfs", "diff", "merge", "uploadpack", "receive");
    private static final List<String> REMOTE_KEYS = List.of("uploadpack", "receivepack", "proxy", "vcs");

    ToolRepository(final BaseRepositoryBuilder<?, ?> options) throws IOException {
        super(options);
    }

    @Override
    public FileBasedConfig getConfig() {
        FileBasedConfig config = super.getConfig();
        clean(config);
        return config;
    }

    static void clean(final Config config) {
        for (String key : CORE_KEYS) {
            unset(config, "core", null, key);
        }
        unset(config, "commit", null, "gpgSign");
        unset(config, "tag", null, "gpgSign");
        for (String section : SECTIONS) {
            for (String subsection : config.getSubsections(section)) {
                config.unsetSection(section, subsection);
            }
            if (!config.getNames(section).isEmpty()) {
                config.unsetSection(section, null);
            }
        }
        for (String remote : config.getSubsections("remote")) {
            for (String key : REMOTE_KEYS) {
                unset(config, "remote", remote, key);
            }
        }
    }

    private static void unset(final Config config, final String section, final String subsection, final String key) {
        if (config.getString(section, subsection, key) != null) {
            config.unset(section, subsection, key);
        }
    }
}
