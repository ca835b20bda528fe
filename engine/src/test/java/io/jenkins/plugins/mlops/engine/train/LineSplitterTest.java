package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker frames into lines: split anywhere, CRLF, multi-byte characters, endless lines. */
class LineSplitterTest {
    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter(lines::add);

    /** Lines split across chunks are joined; a chunk with several lines gives each. */
    @Test
    void shouldJoinLinesAcrossChunks() {
        splitter.accept(bytes("epo"));
        splitter.accept(bytes("ch 1\nepoch 2\nep"));

        assertThat(lines).containsExactly("epoch 1", "epoch 2");

        splitter.accept(bytes("och 3\n"));
        assertThat(lines).containsExactly("epoch 1", "epoch 2", "epoch 3");
    }

    /** A UTF-8 character cut between two chunks is decoded whole. */
    @Test
    void shouldKeepMultiByteCharactersWhole() {
        byte[] text = bytes("précision ✓\n");
        splitter.accept(Arrays.copyOfRange(text, 0, 3));
        splitter.accept(Arrays.copyOfRange(text, 3, text.length));

        assertThat(lines).containsExactly("précision ✓");
    }

    /** CRLF line ends lose the CR; a last line without a break comes with flush. */
    @Test
    void shouldHandleCrLfAndTheLastLine() {
        splitter.accept(bytes("a\r\nb"));
        assertThat(lines).containsExactly("a");

        splitter.flush();
        assertThat(lines).containsExactly("a", "b");
    }

    /** A line that never ends is passed on in pieces of bounded size. */
    @Test
    void shouldCapEndlessLines() {
        splitter.accept(new byte[LineSplitter.MAX_LINE * 2 + 5]);
        splitter.flush();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).hasSize(LineSplitter.MAX_LINE);
        assertThat(lines.get(2)).hasSize(5);
    }

    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
