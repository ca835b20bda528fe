package io.jenkins.plugins.mlops.engine.python;

import java.util.List;
import java.util.Objects;

/**
 * The tokens of one Python source text.
 *
 * @param source   the text that was tokenized
 * @param tokens   all tokens in order, comments and line breaks included, ending with {@link TokenKind#END}
 * @param problems one line per lexical problem ({@code line N: ...}); empty when the text is valid Python lexically
 */
public record TokenizedSource(String source, List<Token> tokens, List<String> problems) {
    public TokenizedSource {
        Objects.requireNonNull(source, "source");
        tokens = List.copyOf(tokens);
        problems = List.copyOf(problems);
    }

    /** Whether some text could not be tokenized (see {@link #problems()}); the other tokens are still usable. */
    public boolean partial() {
        return !problems.isEmpty();
    }

    /** The tokens without comments and non-logical line breaks: what the Python parser would see. */
    public List<Token> code() {
        return tokens.stream().filter(token -> !token.isTrivia()).toList();
    }
}
