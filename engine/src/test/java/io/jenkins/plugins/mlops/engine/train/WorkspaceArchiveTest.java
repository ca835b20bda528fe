package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar going in (ownership, exclusions, params file) and the files taken out (selection, safety). */
class WorkspaceArchiveTest {
    private static final WorkspaceArchive.FileSelection DEFAULTS = new WorkspaceArchive.FileSelection(
            TrainingRequest.DEFAULT_METRIC_FILES, TrainingRequest.DEFAULT_ARTIFACTS);

    @TempDir
    private Path workspace;

    /** Every entry belongs to the training user; .git and other trials' copies stay out; params are added. */
    @Test
    void shouldWriteTheWorkspaceOwnedByTheTrainingUser() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print(1)");
        Files.createDirectories(workspace.resolve(".git/objects"));
        Files.writeString(workspace.resolve(".git/HEAD"), "ref");
        Files.createDirectories(workspace.resolve(".mlops/trials/1/work"));
        Files.writeString(workspace.resolve(".mlops/run.json"), "{}");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();

        WorkspaceArchive.write(workspace, Map.of(".mlops/params.json", "{\"lr\":1}".getBytes(StandardCharsets.UTF_8)),
                1000, 1001, tar);

        List<TarArchiveEntry> entries = entries(tar.toByteArray());
        assertThat(entries).extracting(TarArchiveEntry::getName)
                .containsExactlyInAnyOrder("train.py", ".mlops/", ".mlops/run.json", ".mlops/params.json");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.getLongUserId()).isEqualTo(1000);
            assertThat(entry.getLongGroupId()).isEqualTo(1001);
        });
    }

    /**
     * A study's shared copy leaves out .git and the tool's whole state, and belongs to the trials' user (it is the
     * lower layer of their workspaces, which they may write over).
     */
    @Test
    void shouldWriteTheSharedCopyWithoutGitAndState() throws IOException {
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/a.csv"), "1,2");
        Files.writeString(workspace.resolve("train.py"), "print(1)");
        Files.createDirectories(workspace.resolve(".git"));
        Files.writeString(workspace.resolve(".git/config"), "[core]");
        Files.createDirectories(workspace.resolve(".mlops"));
        Files.writeString(workspace.resolve(".mlops/run.json"), "{}");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();

        long files = WorkspaceArchive.writeShared(workspace, 1000, 1001, tar);

        List<TarArchiveEntry> entries = entries(tar.toByteArray());
        assertThat(entries).extracting(TarArchiveEntry::getName)
                .containsExactlyInAnyOrder("data/", "data/a.csv", "train.py");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.getLongUserId()).isEqualTo(1000);
            assertThat(entry.getLongGroupId()).isEqualTo(1001);
        });
        assertThat(files).isEqualTo(2);
    }

    /**
     * A trial's layer holds only what the trial has itself, under the overlay's upper folder (its own files, its
     * parameters, with the folders they need), and the overlay's work folder; nothing of the shared copy, whatever
     * its size. The upper folder is the workspace's top level: it belongs to the trial's user, like all the rest.
     */
    @Test
    void shouldWriteOnlyTheTrialsOwnFilesIntoItsLayer() throws IOException {
        Path own = Files.createDirectories(workspace.resolve("trial"));
        Files.writeString(own.resolve("train.py"), "print(2)");
        Files.createDirectories(own.resolve("src"));
        Files.writeString(own.resolve("src/model.py"), "edited");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();

        WorkspaceArchive.writeLayer(own, Map.of(".mlops/params.json", "{}".getBytes(StandardCharsets.UTF_8),
                "notebook/run.py", "cells".getBytes(StandardCharsets.UTF_8)), 1000, 1000, tar);

        Map<String, String> contents = new java.util.HashMap<>();
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar.toByteArray()))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.add(entry);
                contents.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).extracting(TarArchiveEntry::getName).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "up/", "work/", "up/train.py", "up/src/", "up/src/model.py", "up/.mlops/", "up/.mlops/params.json",
                "up/notebook/", "up/notebook/run.py");
        assertThat(contents.get("up/train.py")).isEqualTo("print(2)");
        assertThat(contents.get("up/.mlops/params.json")).isEqualTo("{}");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.getLongUserId()).isEqualTo(1000));
    }

    /** Metric files by exact path and artifacts by glob in any folder come out; nothing else. */
    @Test
    void shouldExtractOnlyWantedFiles() throws IOException {
        byte[] tar = containerTar(Map.of("workspace/metrics.json", "{}", "workspace/out/model.pt", "w",
                "workspace/train.py", "code", "workspace/sub/metrics.json", "other"));

        List<String> extracted = new CopyBack(workspace, DEFAULTS, SandboxPolicy.DEFAULT)
                .extract(new ByteArrayInputStream(tar)).copied();

        assertThat(extracted).containsExactlyInAnyOrder("metrics.json", "out/model.pt");
        assertThat(workspace.resolve("out/model.pt")).hasContent("w");
        assertThat(workspace.resolve("train.py")).doesNotExist();
    }

    /** Entries that climb out of the workspace are ignored: the container's content is not trusted. */
    @Test
    void shouldNotWriteOutsideTheWorkspace() throws IOException {
        Path inside = Files.createDirectories(workspace.resolve("ws"));
        byte[] tar = containerTar(Map.of("workspace/../escape.pkl", "x"));

        List<String> extracted = new CopyBack(inside, DEFAULTS, SandboxPolicy.DEFAULT)
                .extract(new ByteArrayInputStream(tar)).copied();

        assertThat(extracted).isEmpty();
        assertThat(workspace.resolve("escape.pkl")).doesNotExist();
    }

    /** A folder glob matches the relative path, a bare glob the file name. */
    @Test
    void shouldMatchGlobs() {
        var selection = new WorkspaceArchive.FileSelection(List.of("result.txt"), List.of("models/*.bin", "*.pt"));

        assertThat(selection.matches("result.txt")).isTrue();
        assertThat(selection.matches("models/a.bin")).isTrue();
        assertThat(selection.matches("a.bin")).isFalse();
        assertThat(selection.matches("deep/er/net.pt")).isTrue();
        assertThat(selection.matches("sub/result.txt")).isFalse();
    }

    private static List<TarArchiveEntry> entries(final byte[] tar) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static byte[] containerTar(final Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
