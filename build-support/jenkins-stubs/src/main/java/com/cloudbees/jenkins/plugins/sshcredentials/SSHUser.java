package com.cloudbees.jenkins.plugins.sshcredentials;

import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;

/** Compile-only stub of com.cloudbees.jenkins.plugins.sshcredentials.SSHUser (ssh-credentials 372.va_250881b_08cd); never on a runtime classpath. */
@Deprecated
public interface SSHUser extends StandardUsernameCredentials {
}
