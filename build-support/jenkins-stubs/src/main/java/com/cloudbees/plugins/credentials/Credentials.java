package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Compile-only stub of com.cloudbees.plugins.credentials.Credentials (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
