package io.jenkins.plugins.mlops.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * How a trial's container sees the rest of a {@link SharedWorkspace}: before the script starts, a few lines of Python
 * (the trainer images run Python anyway) make the shared copy's folders in {@code /workspace} and a link into
 * {@link ContainerSpec#SHARED} for every file the trial does not have itself; the repository's own links are made
 * as they are (the top level comes made already in the trial's tar, see {@link WorkspaceArchive#writeOverlay}, and
 * its links to the shared copy count as made here). Made inside the container, this costs a few microseconds per file; a tar of the links through the
 * Docker API cost a third of a millisecond per file. The script runs as a forked and exec'd child, with the same
 * arguments, environment and output (only {@code os} and {@code sys} are imported, as {@code subprocess} alone took
 * over 100 ms on a loaded machine); when it ended, the links are removed again, so that the copy-back reads only
 * what the trial has and wrote, and the exit code is the script's (128 + signal when it was killed).
 */
final class LinkFarm {
    static final String SCRIPT = String.join("\n",
            "import os, sys",
            "shared, workspace, made = " + quoted(ContainerSpec.SHARED) + ", " + quoted(ContainerSpec.WORKSPACE)
                    + ", []",
            "for top, folders, files in os.walk(shared):",
            "    here = os.path.join(workspace, os.path.relpath(top, shared))",
            "    for name in list(folders):",
            "        source, target = os.path.join(top, name), os.path.join(here, name)",
            "        if os.path.islink(source):",
            "            folders.remove(name)",
            "            if not os.path.lexists(target):",
            "                os.symlink(os.readlink(source), target)",
            "        elif os.path.lexists(target) and not os.path.isdir(target) or os.path.islink(target):",
            "            folders.remove(name)",
            "        else:",
            "            os.makedirs(target, exist_ok=True)",
            "    for name in files:",
            "        source, target = os.path.join(top, name), os.path.join(here, name)",
            "        if not os.path.lexists(target):",
            "            if os.path.islink(source):",
            "                os.symlink(os.readlink(source), target)",
            "            else:",
            "                os.symlink(source, target)",
            "                made.append((target, source))",
            "        elif os.path.islink(target) and os.readlink(target) == source:",
            "            made.append((target, source))",
            "child = os.fork()",
            "if child == 0:",
            "    try:",
            "        os.execvp(sys.argv[1], sys.argv[1:])",
            "    except OSError as e:",
            "        print(sys.argv[1] + ': ' + str(e.strerror), file=sys.stderr, flush=True)",
            "    os._exit(127)",
            "code = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])",
            "for target, source in made:",
            "    try:",
            "        if os.readlink(target) == source:",
            "            os.unlink(target)",
            "    except OSError:",
            "        pass",
            "sys.exit(code if code >= 0 else 128 - code)",
            "");

    private LinkFarm() {
    }

    /** {@code command}, run after the links are made: Python in isolated mode, without site packages. */
    static List<String> around(final List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("python3", "-I", "-S", "-c", SCRIPT));
        wrapped.addAll(command);
        return wrapped;
    }

    private static String quoted(final String text) {
        return "'" + text + "'";
    }
}
