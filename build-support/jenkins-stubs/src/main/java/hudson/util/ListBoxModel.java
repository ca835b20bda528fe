package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Compile-only stub of hudson.util.ListBoxModel (jenkins-core 2.541.3); never on a runtime classpath. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static final class Option {
    }
}
