package org.kohsuke.stapler;

/** Compile-only stub of org.kohsuke.stapler.HttpResponse (stapler 2050.v425108fd5089); never on a runtime classpath. */
public interface HttpResponse {
}
