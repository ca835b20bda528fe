package com.cloudbees.groovy.cps;

import groovy.lang.Binding;
import groovy.lang.Script;
import java.io.Serializable;

/** Compile-only stub of com.cloudbees.groovy.cps.SerializableScript (workflow-cps lib, 4370.v49a_6937566b_6); never on a runtime classpath. */
public abstract class SerializableScript extends Script implements Serializable {
    public SerializableScript() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public SerializableScript(Binding binding) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
