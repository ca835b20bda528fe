package io.jenkins.plugins.mlops.check;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.io.xml.StaxDriver;
import com.thoughtworks.xstream.mapper.MapperWrapper;
import com.thoughtworks.xstream.security.AnyTypePermission;
import java.util.Map;

/**
 * The real XStream (1.4.21, the version jenkins-core 2.541.3 ships) set up to read the way Jenkins' XStream2 reads
 * after {@code addCompatibilityAlias}: with the JDK's StAX parser (XML 1.1, as Jenkins saves), an element named by
 * an alias is read as the alias's class, any other name as usual, and objects are made without calling a
 * constructor. It stands in for Jenkins' own XStream2, which the
 * offline build only has as a stub; the files a running Jenkins reads are checked by the JenkinsRule test
 * {@code SavedDataTest} in {@code plugin/src/test}.
 */
public final class AliasingXStream {
    private AliasingXStream() {
    }

    /**
     * An XStream with {@code aliases}.
     *
     * @param aliases the classes by their former names
     * @return the XStream; like XStream2 it allows any type (Jenkins filters classes elsewhere)
     */
    public static XStream reading(final Map<String, ? extends Class<?>> aliases) {
        XStream xstream = new XStream(new StaxDriver()) {
            @Override
            protected MapperWrapper wrapMapper(final MapperWrapper next) {
                return new MapperWrapper(next) {
                    @Override
                    @SuppressWarnings("rawtypes")
                    public Class realClass(final String elementName) {
                        Class<?> alias = aliases.get(elementName);
                        return alias != null ? alias : super.realClass(elementName);
                    }
                };
            }
        };
        xstream.addPermission(AnyTypePermission.ANY);
        return xstream;
    }
}
