package hudson.util;

import com.thoughtworks.xstream.XStream;

/**
 * Compile-only stub of hudson.util.XStream2 (jenkins-core 2.541.3); never on a runtime classpath. Its superclass is
 * the real XStream (the version jenkins-core ships).
 */
public class XStream2 extends XStream {
    public XStream2() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @SuppressWarnings("rawtypes")
    public void addCompatibilityAlias(String oldClassName, Class newClass) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
