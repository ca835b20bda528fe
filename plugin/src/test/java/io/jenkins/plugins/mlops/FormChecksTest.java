package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.steps.LoopStep;
import io.jenkins.plugins.mlops.steps.NotifyStep;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The form checks as the snippet generator and the job page call them. */
@WithJenkins
class FormChecksTest {
    /** mlopsLoop's recipients are optional (no red "Enter at least one mail address"); mlopsNotify's are not. */
    @Test
    void shouldAcceptALoopWithoutRecipients(final JenkinsRule j) {
        assertThat(new LoopStep.DescriptorImpl().doCheckRecipients(null, "").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(new LoopStep.DescriptorImpl().doCheckRecipients(null, "nobody").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
        assertThat(new NotifyStep.DescriptorImpl().doCheckRecipients(null, "").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
    }

    /** An empty maximum of trials is "not set"; 0 is refused. */
    @Test
    void shouldLeaveEmptyNumbersToTheRepository(final JenkinsRule j) {
        assertThat(new LoopStep.DescriptorImpl().doCheckMaxTrials(null, "").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(new LoopStep.DescriptorImpl().doCheckMaxTrials(null, "0").kind)
                .isEqualTo(FormValidation.Kind.ERROR);
    }
}
