package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Compile-only stub of hudson.FilePath (jenkins-core 2.541.3); never on a runtime classpath. */
public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(File localPath) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
