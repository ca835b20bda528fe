package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Where a trial left its model files: trials told from other machines keep their weights there, and the study only
 * records the place, so publish and notify take the best trial's files from it (a Pipeline unstashes them).
 *
 * @param worker the machine or agent that trained the trial
 * @param folder the trial's work directory on that machine
 * @param files  the model files (and entry) in it, relative to {@code folder}
 */
public record ModelLocation(String worker, String folder, List<String> files) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ModelLocation {
        Objects.requireNonNull(folder, "folder");
        files = files == null ? List.of() : List.copyOf(files);
    }

    @Override
    public String toString() {
        return (worker == null ? "" : worker + ":") + folder;
    }
}
