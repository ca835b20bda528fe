package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.study.StudyOutcome;
import java.io.Serializable;

/**
 * What the chain did.
 *
 * @param study    how the study ended
 * @param state    the final run state
 * @param runState the path of run.json
 * @param report   the path of the HTML report
 * @param mail     where the mail went, or {@code null} when none was configured
 */
public record ChainResult(StudyOutcome study, RunState state, String runState, String report, String mail)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
