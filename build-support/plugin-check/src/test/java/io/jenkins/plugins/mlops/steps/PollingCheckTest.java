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

    /**
     * The build that checks the repository out with the git step (its first build, or the first since the step was
     * added) counts that checkout: a Pipeline job's SCMs are only those of its last completed build, so this build
     * was told that nothing polls the repository.
     */
    @Test
    void shouldCountTheRunningBuildsOwnCheckouts() {
        Object build = new Object();
        Object otherBuild = new Object();

        ScmCheckouts.record(build, "git https://git.example.com/team/model.git");

        assertThat(PollingCheck.polled(List.copyOf(ScmCheckouts.of(build)),
                "https://git.example.com/team/model.git")).isTrue();
        assertThat(ScmCheckouts.of(otherBuild)).isEmpty();
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
