package io.jenkins.plugins.mlops.steps

import org.jenkinsci.plugins.workflow.cps.CpsScript

/**
 * The `mlops` variable of Pipeline scripts (see MlopsGlobalVariable): an ask-and-tell study whose trials train in
 * parallel on labelled agents. The study lives in the workspace of one node (the home); each trial is asked there,
 * trained on an agent with a fresh checkout and that agent's Docker, and told back. Only trial maps and results
 * cross between nodes, besides the winning trial's model files (stash/unstash).
 */
class MlopsPipeline implements Serializable {
    private static final long serialVersionUID = 1L

    private final CpsScript script

    MlopsPipeline(CpsScript script) {
        this.script = script
    }

    /**
     * Runs the study to its end and returns its state (what mlopsTell returns: done, passed, verdict, reason, best).
     *
     * @param args label (agents that train, required), parallel (trials at a time, default 2), home (label of the
     *        node keeping the study, default any), checkout (a closure putting the model repository into the current
     *        workspace, default { checkout scm }), leaseMinutes, timeoutMinutes, image, detect (default true)
     * @param after runs on the home with the study's state, once the best trial's code and model files are in its
     *        folder there, e.g. { study -> mlopsPublish(); mlopsNotify() }
     */
    Map loop(Map args, Closure after = null) {
        Closure checkout = (args.checkout ?: { script.checkout(script.scm) }) as Closure
        if (!args.label) {
            script.error('mlops.loop needs label: the label of the agents that train, e.g. mlops.loop(label: \'docker\', parallel: 2)')
        }
        int count = (args.parallel ?: 2) as int
        Map status = null
        onHome(args.home as String) {
            checkout()
            if (args.detect != false) {
                script.mlopsDetect()
            }
            while (true) {
                Map ask = [count: count]
                if (args.leaseMinutes) {
                    ask.leaseMinutes = args.leaseMinutes
                }
                List trials = script.mlopsAsk(ask)
                if (!trials) {
                    break
                }
                List results = []
                Map branches = [:]
                for (Map asked in trials) {
                    Map trial = asked
                    branches["trial ${trial.trial}".toString()] = {
                        results << trainOnAgent(args, trial, checkout)
                    }
                }
                script.parallel(branches)
                status = script.mlopsTell(results: results)
                if (status.done) {
                    break
                }
            }
            if (status?.best?.files) {
                // publish and notify on the home take the best trial's files from its folder there.
                script.dir(".mlops/trials/${status.best.trial}/work") {
                    script.unstash "mlops-trial-${status.best.trial}"
                }
            }
            if (after) {
                after(status)
            }
        }
        return status
    }

    Map trainOnAgent(Map args, Map trial, Closure checkout) {
        Map result = null
        script.node(args.label as String) {
            try {
                checkout()
                Map train = [trial: trial]
                if (args.image) {
                    train.image = args.image
                }
                if (args.timeoutMinutes) {
                    train.timeoutMinutes = args.timeoutMinutes
                }
                result = script.mlopsTrain(train)
                if (result.files) {
                    script.dir(result.folder as String) {
                        script.stash name: "mlops-trial-${trial.trial}", includes: result.files.join(',')
                    }
                }
            } catch (IOException e) {
                // The agent could not train (no Docker, a failed checkout): the trial fails, the study goes on.
                script.echo "[mlops] trial ${trial.trial} failed on ${script.env.NODE_NAME}: ${e.message}"
                result = [trial: trial.trial, state: 'FAILED', message: "failed on ${script.env.NODE_NAME}: ${e.message}".toString()]
            }
        }
        return result
    }

    void onHome(String label, Closure body) {
        if (label) {
            script.node(label, body)
        } else {
            script.node(body)
        }
    }
}
