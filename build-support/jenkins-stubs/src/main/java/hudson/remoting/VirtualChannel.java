package hudson.remoting;

/** Compile-only stub of hudson.remoting.VirtualChannel (remoting 3352.v17a_fb_4b_2773f); never on a runtime classpath. */
public interface VirtualChannel {
}
