package hudson;

import com.thoughtworks.xstream.XStream;
import java.io.File;

/** Compile-only stub of hudson.XmlFile (jenkins-core 2.541.3); never on a runtime classpath. */
public final class XmlFile {
    public XmlFile(XStream xs, File file) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
