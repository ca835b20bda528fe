package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An inline Jenkinsfile's mlopsFetch is not an SCM Jenkins can poll: the fetch recognises whether one of the job's
 * SCMs (GitSCM's key is "git" and its URLs) checks the model repository out, and otherwise says so in the log.
 */
class PollingCheckTest {
    @Test
    void shouldRecogniseTheRepositoryAmongTheJobsScms() {
        assertThat(PollingCheck.polled(List.of("git https://git.example.com/team/model.git"),
                "https://git.example.com/team/model.git")).isTrue();
        assertThat(PollingCheck.polled(List.of("git https://GIT.example.com/team/model"),
                "https://git.example.com/team/model.git/")).isTrue();
        assertThat(PollingCheck.polled(List.of("git https://a.example.com/x.git, https://git.example.com/team/model"),
                "https://git.example.com/team/model.git")).isTrue();
    }

    /** No SCM (inline Jenkinsfile), or only the Jenkinsfile's own other repository: not polled. */
    @Test
    void shouldSeeWhenNothingPollsIt() {
        assertThat(PollingCheck.polled(List.of(), "https://git.example.com/team/model.git")).isFalse();
        assertThat(PollingCheck.polled(List.of("git https://git.example.com/team/pipelines.git"),
                "https://git.example.com/team/model.git")).isFalse();
        assertThat(PollingCheck.polled(List.of("git https://git.example.com/team/model-old.git"),
                "https://git.example.com/team/model.git")).isFalse();
    }
}
