package io.jenkins.plugins.mlops.engine.source;

import java.io.File;
import java.io.OutputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.ProcessResult;

/**
 * The file system view of every repository the tool opens: no hook is ever found or run, and no shell command
 * (a filter, an external transport program) is ever started, whatever a repository's configuration says. JGit runs
 * hooks and filters only through these methods.
 */
final class ToolFs extends FS_POSIX {
    static final ToolFs INSTANCE = new ToolFs();

    private ToolFs() {
        super(FS.DETECTED);
    }

    @Override
    public FS newInstance() {
        return INSTANCE;
    }

    @Override
    public File findHook(final Repository repository, final String hookName) {
        return null;
    }

    @Override
    public ProcessResult runHookIfPresent(final Repository repository, final String hookName, final String[] args) {
        return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
    }

    @Override
    public ProcessResult runHookIfPresent(final Repository repository, final String hookName, final String[] args,
            final OutputStream outRedirect, final OutputStream errRedirect, final String stdinArgs) {
        return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
    }

    @Override
    public ProcessBuilder runInShell(final String cmd, final String[] args) {
        throw new IllegalStateException("The tool runs no command from a repository's git configuration ("
                + cmd + ")");
    }
}
