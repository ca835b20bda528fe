package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Tweaks a training script that has no search space by editing the model code itself, safely: Keras (add a conv
 * block, add a Dense layer, widen, more epochs), PyTorch {@code nn.Sequential} (add a shape-preserving conv block,
 * widen a hidden Linear width on both sides, more epochs) and scikit-learn (max_iter, hidden_layer_sizes,
 * n_estimators, C). The code is read with a Python tokenizer, so comments and strings are never edited; every byte
 * outside the edit stays (formatting, comments, CRLF line endings); the result must tokenize again. Which edit comes
 * next depends on the study so far (see {@link EditHistory}). When no safe edit applies, nothing is written and the
 * log says why: no guessing.
 */
public final class SourceRewriter {
    private final Direction direction;

    /** A rewriter for a study that maximises its metric. */
    public SourceRewriter() {
        this(Direction.MAXIMIZE);
    }

    /** A rewriter for a study in {@code direction} (it tells which earlier edits improved the metric). */
    public SourceRewriter(final Direction direction) {
        this.direction = direction;
    }

    /**
     * Makes the next edit of the entry file in place.
     *
     * @param workspace the directory the entry is in (a copy of the best trial's code)
     * @param entry     the training script, relative to the workspace
     * @param type      the detected model type; its framework picks the edits
     * @param history   the trials of the study so far (their change lines and diffs say what was tried)
     * @param log       where to say what was edited, or why nothing was
     * @return the edit made, or empty when no safe edit applies
     * @throws MlopsException of kind INPUT when the entry cannot be read or written
     */
    public Optional<SourceEdit> tweak(final Path workspace, final String entry, final ModelType type,
            final List<TrialRecord> history, final RunLog log) {
        Optional<EditFinder> finder = finder(type);
        if (finder.isEmpty() || !entry.endsWith(".py")) {
            log.info("No source edit for %s: %s", entry, finder.isEmpty()
                    ? "edits exist for Keras, PyTorch and scikit-learn code, not " + type
                    : "only Python files are edited (for a notebook, declare a search_space in mlops.yml)");
            return Optional.empty();
        }
        Path file = workspace.resolve(entry);
        String source = read(file);
        Optional<PythonCode> code = PythonCode.parse(source);
        if (code.isEmpty()) {
            log.info("No source edit for %s: it does not tokenize as Python", entry);
            return Optional.empty();
        }
        EditHistory edits = new EditHistory(history, direction);
        if (!edits.retired().isEmpty()) {
            log.info("Not trying again (no gain twice, or layers added %d times): %s", EditHistory.MAX_ADDITIONS,
                    edits.retired());
        }
        for (EditKind kind : edits.order(finder.get().kinds(code.get()))) {
            Optional<TextEdit> edit = finder.get().find(kind, code.get(), edits, log);
            if (edit.isEmpty()) {
                continue;
            }
            String edited = edit.get().apply(source);
            String diff = UnifiedDiff.of(entry.replace('\\', '/'), source, edited);
            if (edits.tried(edit.get().change(), diff)) {
                log.info("Not repeating '%s': tried before without becoming the best", edit.get().change());
                continue;
            }
            if (PythonCode.parse(edited).isEmpty()) {
                log.error("Dropped the edit '%s': the result would not tokenize as Python", edit.get().change());
                continue;
            }
            write(file, edited);
            log.info("Edited %s: %s", entry, edit.get().change());
            return Optional.of(new SourceEdit(entry.replace('\\', '/'), diff, edit.get().change(), edit.get().edit()));
        }
        log.info("No safe source edit applies to %s (%s) any more", entry, type);
        return Optional.empty();
    }

    private static Optional<EditFinder> finder(final ModelType type) {
        return switch (type.framework()) {
            case KERAS, TENSORFLOW -> Optional.of(new KerasEdits());
            case PYTORCH -> Optional.of(new TorchEdits());
            case SKLEARN -> Optional.of(new SklearnEdits());
            default -> Optional.empty();
        };
    }

    private static String read(final Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        }
        catch (CharacterCodingException e) {
            throw MlopsException.input("The training script " + file + " is not UTF-8; save it as UTF-8 "
                    + "(Python's default source encoding) so that it can be edited.");
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the training script " + file + ": " + e.getMessage()
                    + ". Check that the entry exists and is readable.");
        }
    }

    private static void write(final Path file, final String content) {
        try {
            AtomicFiles.writeString(file, content);
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot write the edited training script " + file + ": " + e.getMessage()
                    + ". Check the workspace's permissions.");
        }
    }
}
