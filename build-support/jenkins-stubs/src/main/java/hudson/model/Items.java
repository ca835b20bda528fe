package hudson.model;

import hudson.util.XStream2;

/** Compile-only stub of hudson.model.Items (jenkins-core 2.541.3); never on a runtime classpath. */
public class Items {
    public static final XStream2 XSTREAM2 = null;
}
