package org.jenkinsci.remoting;

import java.io.Serializable;

/** Compile-only stub of org.jenkinsci.remoting.SerializableOnlyOverRemoting (remoting 3352.v17a_fb_4b_2773f); never on a runtime classpath. */
public interface SerializableOnlyOverRemoting extends Serializable {
}
