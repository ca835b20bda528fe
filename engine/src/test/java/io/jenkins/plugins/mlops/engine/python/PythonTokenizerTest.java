package io.jenkins.plugins.mlops.engine.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every lexical form the tokenizer knows, and how it recovers from text that is not Python. */
class PythonTokenizerTest {
    private static List<String> texts(final String source) {
        return PythonTokenizer.tokenize(source).code().stream()
                .filter(token -> token.kind() != TokenKind.NEWLINE && token.kind() != TokenKind.END)
                .map(Token::text).toList();
    }

    private static List<TokenKind> kinds(final String source) {
        return PythonTokenizer.tokenize(source).tokens().stream().map(Token::kind).toList();
    }

    private static Token single(final String source) {
        List<Token> tokens = PythonTokenizer.tokenize(source).tokens();
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(2);
        return tokens.get(0);
    }

    /** Names, numbers and operators of a simple statement come out in order with their kinds. */
    @Test
    void shouldSplitAStatement() {
        TokenizedSource source = PythonTokenizer.tokenize("x = foo.bar(1, y)\n");

        assertThat(texts("x = foo.bar(1, y)\n")).containsExactly("x", "=", "foo", ".", "bar", "(", "1", ",", "y",
                ")");
        assertThat(kinds("x = 1\n")).containsExactly(TokenKind.NAME, TokenKind.OPERATOR, TokenKind.NUMBER,
                TokenKind.NEWLINE, TokenKind.END);
        assertThat(source.partial()).isFalse();
    }

    /** Every string form is one STRING token with its prefix and quotes. */
    @ParameterizedTest
    @ValueSource(strings = {"'a'", "\"a\"", "'''a\n'b'\n'''", "\"\"\"a \"\" b\"\"\"", "r'\\d'", "R\"x\"", "b'x'",
            "B'x'", "u'x'", "U\"x\"", "f'{x}'", "F\"{x!r:>{w}}\"", "rb'x'", "Rb'x'", "bR'x'", "BR'''x'''", "br\"x\"",
            "fr'{x}\\d'", "Rf'x'", "rF\"x\"", "t'{x}'", "'it\\'s'", "r'\\''", "'a\\\nb'", "f'{x[\"k\"]}'",
            "f\"{d[\"k\"]}\"", "f'{{literal}}'", "f'{ {\"a\": 1}[\"a\"] }'", "f'''{x\n+ 1}'''",
            "f\"{f'{x}'}\""})
    void shouldReadEveryStringForm(final String literal) {
        TokenizedSource source = PythonTokenizer.tokenize(literal + "\n");

        assertThat(source.tokens().get(0).kind()).isEqualTo(TokenKind.STRING);
        assertThat(source.tokens().get(0).text()).isEqualTo(literal);
        assertThat(source.partial()).isFalse();
    }

    /** A word that merely looks like a prefix but is longer stays a name. */
    @Test
    void shouldNotTakeLongNamesForPrefixes() {
        assertThat(texts("rbx'a'\n")).containsExactly("rbx", "'a'");
        assertThat(PythonTokenizer.tokenize("rbx'a'\n").tokens().get(0).kind()).isEqualTo(TokenKind.NAME);
    }

    /** Code inside strings and comments is not code. */
    @Test
    void shouldKeepCodeInStringsAndCommentsOut() {
        List<String> code = texts("a = 'Conv2D(1)'  # Conv2D(2)\n\"\"\"Conv2D\n(\"\"\"\n");

        assertThat(code).containsExactly("a", "=", "'Conv2D(1)'", "\"\"\"Conv2D\n(\"\"\"");
        assertThat(kinds("# only\n")).containsExactly(TokenKind.COMMENT, TokenKind.NL, TokenKind.END);
    }

    /** Numbers in all notations are single tokens. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "1_000", "3.14", ".5", "5.", "1e10", "1E-3", "2.5e+7", "0xFF", "0o17",
            "0b1010", "0x_dead_beef", "3j", "1.5J", "1_0.0_1e1_0"})
    void shouldReadNumbers(final String number) {
        Token token = single(number + "\n");

        assertThat(token.kind()).isEqualTo(TokenKind.NUMBER);
        assertThat(token.text()).isEqualTo(number);
    }

    /** Multi-char operators win over their prefixes. */
    @Test
    void shouldPreferLongestOperators() {
        assertThat(texts("a **= b // c -> d := e ... f != g >>= h @ i\n")).containsExactly("a", "**=", "b", "//",
                "c", "->", "d", ":=", "e", "...", "f", "!=", "g", ">>=", "h", "@", "i");
    }

    /** A backslash before a line break joins lines without a token; the next line still counts lines. */
    @Test
    void shouldJoinContinuationLines() {
        TokenizedSource source = PythonTokenizer.tokenize("x = a \\\n    .b\ny\n");

        assertThat(texts("x = a \\\n    .b\n")).containsExactly("x", "=", "a", ".", "b");
        assertThat(source.tokens()).filteredOn(token -> token.kind() == TokenKind.NEWLINE).hasSize(2);
        assertThat(source.tokens()).filteredOn(token -> token.isName("y")).singleElement()
                .extracting(Token::line).isEqualTo(3);
    }

    /** Line breaks inside brackets do not end the logical line; blank lines are NL too. */
    @Test
    void shouldTreatBreaksInsideBracketsAsNl() {
        assertThat(kinds("f(a,\n  b)\n\nc\n")).containsExactly(TokenKind.NAME, TokenKind.OPERATOR, TokenKind.NAME,
                TokenKind.OPERATOR, TokenKind.NL, TokenKind.NAME, TokenKind.OPERATOR, TokenKind.NEWLINE, TokenKind.NL,
                TokenKind.NAME, TokenKind.NEWLINE, TokenKind.END);
    }

    /** CRLF and lone CR end lines like LF, and offsets still point into the original text. */
    @Test
    void shouldHandleCrlfAndCr() {
        String source = "a = 1\r\nb = '''x\r\ny'''\r\nc\rd\r\n";
        TokenizedSource tokens = PythonTokenizer.tokenize(source);

        assertThat(tokens.tokens()).filteredOn(token -> token.isName("b")).singleElement()
                .extracting(Token::line).isEqualTo(2);
        assertThat(tokens.tokens()).filteredOn(token -> token.isName("c")).singleElement()
                .extracting(Token::line).isEqualTo(4);
        assertThat(tokens.tokens()).filteredOn(token -> token.isName("d")).singleElement()
                .extracting(Token::line, Token::column).containsExactly(5, 0);
        assertThat(tokens.tokens()).filteredOn(token -> token.kind() == TokenKind.NEWLINE)
                .extracting(Token::text).containsExactly("\r\n", "\r\n", "\r", "\r\n");
        assertThat(tokens.partial()).isFalse();
    }

    /** Lines, columns and offsets of tokens match the source text. */
    @Test
    void shouldReportPositions() {
        String source = "if x:\n    y = \"\"\"a\nb\"\"\" + z\n";
        TokenizedSource tokens = PythonTokenizer.tokenize(source);

        for (Token token : tokens.tokens()) {
            assertThat(source.substring(token.start(), token.end())).isEqualTo(token.text());
        }
        assertThat(tokens.tokens()).filteredOn(token -> token.isName("y")).singleElement()
                .extracting(Token::line, Token::column, Token::start).containsExactly(2, 4, 10);
        assertThat(tokens.tokens()).filteredOn(token -> token.isName("z")).singleElement()
                .extracting(Token::line, Token::column).containsExactly(3, 7);
    }

    /** An unterminated single-line string is an ERROR up to the line end; the next line tokenizes normally. */
    @Test
    void shouldRecoverFromAnUnterminatedString() {
        TokenizedSource tokens = PythonTokenizer.tokenize("a = 'oops\nb = 2\n");

        assertThat(tokens.partial()).isTrue();
        assertThat(tokens.problems()).containsExactly("line 1: unterminated string");
        assertThat(tokens.tokens()).extracting(Token::kind).contains(TokenKind.ERROR);
        assertThat(texts("a = 'oops\nb = 2\n")).containsSequence("b", "=", "2");
    }

    /** An unterminated triple-quoted string takes the rest of the file as one ERROR token. */
    @Test
    void shouldFlagAnUnterminatedTripleQuotedString() {
        TokenizedSource tokens = PythonTokenizer.tokenize("x = 1\ns = \"\"\"never\nclosed\n");

        assertThat(tokens.problems()).containsExactly("line 2: unterminated triple-quoted string");
        assertThat(tokens.tokens()).filteredOn(token -> token.kind() == TokenKind.ERROR).singleElement()
                .extracting(Token::text).isEqualTo("\"\"\"never\nclosed\n");
    }

    /** Stray characters, a misplaced backslash and bad brackets are problems but never stop the tokenizer. */
    @Test
    void shouldFlagGarbage() {
        TokenizedSource tokens = PythonTokenizer.tokenize("a $ b ? `c` \\ d\n(]\n)\nf(\n");

        assertThat(tokens.problems()).hasSize(8);
        assertThat(tokens.tokens()).filteredOn(token -> token.kind() == TokenKind.ERROR).extracting(Token::text)
                .containsExactly("$", "?", "`", "`", "\\");
        assertThat(tokens.tokens().get(tokens.tokens().size() - 1).kind()).isEqualTo(TokenKind.END);
    }

    /** Unicode identifiers are names; a byte-order mark is skipped. */
    @Test
    void shouldReadUnicodeNamesAndSkipTheBom() {
        assertThat(texts("\uFEFFmodèle = 模型\n")).containsExactly("modèle", "=", "模型");
        assertThat(PythonTokenizer.tokenize("\uFEFFx\n").partial()).isFalse();
    }

    /** A file without a final line break still ends its last logical line. */
    @Test
    void shouldEndTheLastLine() {
        assertThat(kinds("x")).containsExactly(TokenKind.NAME, TokenKind.NEWLINE, TokenKind.END);
        assertThat(kinds("")).containsExactly(TokenKind.END);
    }
}
