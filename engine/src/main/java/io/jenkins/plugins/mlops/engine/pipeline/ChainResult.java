package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.study.StudyOutcome;
import java.io.Serializable;

/**
 * What the chain did.
 *
 * @param study    how the study ended
 * @param state    the final chain state
 * @param stateFile the path of run.json
 * @param report   the path of the HTML report
 * @param mail     where the mail went, or {@code null} when none was configured
 * @param rendered the outbox file this chain's mail was written to for another process to send (no SMTP server here),
 *                 or {@code null}: Jenkins' controller sends this file and no other, since the outbox folder is in
 *                 the checkout, where a pushed repository can put mails of its own
 */
public record ChainResult(StudyOutcome study, ChainState state, String stateFile, String report, String mail,
        String rendered)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
