package io.jenkins.plugins.mlops.steps;

import groovy.lang.Binding;
import hudson.Extension;
import java.net.URL;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * The {@code mlops} variable of Pipeline scripts, in the style of docker-workflow's {@code docker}: Groovy shipped in
 * the plugin ({@code MlopsPipeline.groovy}), built on {@code node}, {@code parallel}, {@code stash} and the steps
 * mlopsAsk, mlopsTrain and mlopsTell, so that {@code mlops.loop(label: 'docker', parallel: 3) { checkout scm }}
 * trains k trials at a time on agents with that label, one parallel branch per trial.
 */
@Extension
public class MlopsGlobalVariable extends GlobalVariable {
    /** The Groovy class behind the variable, a resource of this plugin. */
    static final String GROOVY_CLASS = "io.jenkins.plugins.mlops.steps.MlopsPipeline";

    @Override
    public String getName() {
        return "mlops";
    }

    @Override
    public Object getValue(final CpsScript script) throws Exception {
        Binding binding = script.getBinding();
        if (binding.hasVariable(getName())) {
            return binding.getVariable(getName());
        }
        // Loaded through the script's class loader, so that Pipeline compiles it as CPS code like the script itself.
        Object mlops = script.getClass().getClassLoader().loadClass(GROOVY_CLASS).getConstructor(CpsScript.class)
                .newInstance(script);
        binding.setVariable(getName(), mlops);
        return mlops;
    }

    /** Lets Pipeline load exactly this plugin's Groovy source, which it refuses for any file not allowed. */
    @Extension
    public static class Allowlist extends GroovySourceFileAllowlist {
        @Override
        public boolean isAllowed(final String groovySourceFileUrl) {
            URL source = MlopsGlobalVariable.class.getResource("MlopsPipeline.groovy");
            return source != null && source.toString().equals(groovySourceFileUrl);
        }
    }
}
