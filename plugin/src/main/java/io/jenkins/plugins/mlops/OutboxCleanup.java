package io.jenkins.plugins.mlops;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/** Removes, on the agent, the rendered mails the controller sent, so that they are not sent twice. */
final class OutboxCleanup extends MasterToSlaveFileCallable<Void> {
    private static final long serialVersionUID = 1L;

    private final List<String> sent;

    OutboxCleanup(final List<String> sent) {
        this.sent = List.copyOf(sent);
    }

    @Override
    public Void invoke(final File workspace, final VirtualChannel channel) throws IOException {
        Outboxes.remove(workspace.toPath(), sent);
        return null;
    }
}
