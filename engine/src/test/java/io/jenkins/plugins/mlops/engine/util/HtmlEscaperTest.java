package io.jenkins.plugins.mlops.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTML escaping of the five special characters. */
class HtmlEscaperTest {
    /** Each special character becomes an entity; other text, including non-ASCII, is kept. */
    @Test
    void shouldEscapeTheSpecialCharacters() {
        assertThat(HtmlEscaper.escape("<a href=\"x\">Tom & 'Jerry' ≥ 0.9</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39; ≥ 0.9&lt;/a&gt;");
    }

    /** null becomes the empty string, so callers need no checks. */
    @Test
    void shouldTurnNullIntoEmpty() {
        assertThat(HtmlEscaper.escape(null)).isEmpty();
    }
}
