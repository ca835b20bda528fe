package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.model.Item;
import hudson.security.Permission;
import java.io.File;
import org.springframework.security.access.AccessDeniedException;

/** Compile-only stub of jenkins.model.Jenkins (jenkins-core 2.541.3); never on a runtime classpath. */
public class Jenkins extends AbstractCIBase {
    public static final Permission ADMINISTER = null;

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
