package io.jenkins.plugins.mlops.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Removes, on the agent, the rendered mails the controller sent, so that they are not sent twice, and saves the chain
 * state that says what became of them, so that the workspace's run.json agrees with the build's MLOps page.
 */
final class OutboxCleanup extends MasterToSlaveFileCallable<Void> {
    private static final long serialVersionUID = 1L;

    private final List<String> sent;
    private final ChainState state;

    OutboxCleanup(final EngineCalls.Delivery delivery) {
        this.sent = List.copyOf(delivery.sent());
        this.state = delivery.state();
    }

    @Override
    public Void invoke(final File workspace, final VirtualChannel channel) throws IOException {
        Outboxes.remove(workspace.toPath(), sent);
        new ChainStateStore(workspace.toPath()).save(state);
        return null;
    }
}
