package com.cloudbees.jenkins.plugins.sshcredentials;

import hudson.util.Secret;
import java.util.List;

/** Compile-only stub of com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey (ssh-credentials 372.va_250881b_08cd); never on a runtime classpath. */
public interface SSHUserPrivateKey extends SSHUser {
    Secret getPassphrase();

    List<String> getPrivateKeys();
}
