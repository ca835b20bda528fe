package hudson.model;

import hudson.ExtensionPoint;

/** Compile-only stub of hudson.model.TopLevelItem (jenkins-core 2.541.3); never on a runtime classpath. */
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {
}
