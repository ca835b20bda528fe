package io.jenkins.plugins.mlops.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unified diffs of source edits. */
class UnifiedDiffTest {
    private static final String TEN = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";

    /** A changed line gets three lines of context on each side and a standard hunk header. */
    @Test
    void shouldShowAChangeWithThreeLinesOfContext() {
        assertThat(UnifiedDiff.of("train.py", TEN, TEN.replace("5\n", "five\n"))).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    /** An insertion counts zero old lines; changes far apart make two hunks, changes close together one. */
    @Test
    void shouldSplitHunksOnlyWhenFarApart() {
        String twenty = TEN + TEN.replace("\n", "x\n");
        String far = twenty.replace("2\n", "2\nnew\n").replace("9x\n", "nine\n");

        assertThat(UnifiedDiff.of("a.py", twenty, far)).isEqualTo("""
                --- a/a.py
                +++ b/a.py
                @@ -1,5 +1,6 @@
                 1
                 2
                +new
                 3
                 4
                 5
                @@ -16,5 +17,5 @@
                 6x
                 7x
                 8x
                -9x
                +nine
                 10x
                """);
        assertThat(UnifiedDiff.of("a.py", TEN, TEN.replace("2\n", "two\n").replace("8\n", "eight\n")))
                .contains("@@ -1,10 +1,10 @@").doesNotContain("@@ -5");
    }

    /** CRLF line ends are compared without the CR, and equal texts give no diff. */
    @Test
    void shouldIgnoreCarriageReturnsAndGiveNothingForEqualTexts() {
        String crlf = TEN.replace("\n", "\r\n");

        assertThat(UnifiedDiff.of("a.py", crlf, crlf.replace("10\r\n", "10\r\n11\r\n"))).endsWith(" 10\n+11\n")
                .doesNotContain("\r");
        assertThat(UnifiedDiff.of("a.py", TEN, TEN)).isEmpty();
    }
}
