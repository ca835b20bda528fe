package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Compile-only stub of com.cloudbees.plugins.credentials.domains.DomainRequirement (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public class DomainRequirement implements ExtensionPoint, Serializable {
}
