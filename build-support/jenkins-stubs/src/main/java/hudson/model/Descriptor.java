package hudson.model;

import hudson.XmlFile;
import org.kohsuke.stapler.HttpResponse;

/** Compile-only stub of hudson.model.Descriptor (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public synchronized void save() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    protected XmlFile getConfigFile() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    /** Compile-only stub of hudson.model.Descriptor.FormException. */
    public static final class FormException extends Exception implements HttpResponse {
        public FormException(String message, String formField) {
            throw new UnsupportedOperationException("compile-only stub");
        }
    }
}
