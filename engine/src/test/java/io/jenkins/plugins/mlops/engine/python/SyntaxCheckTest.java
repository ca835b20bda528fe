package io.jenkins.plugins.mlops.engine.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check for code that tokenizes but is not Python 3. */
class SyntaxCheckTest {
    /** Python 2 statements and two operands in a row are reported with their line. */
    @Test
    void shouldReportPython2AndAdjacentOperands() {
        TokenizedSource source = PythonTokenizer.tokenize("x = 1\nprint \"hi\"\nexec code\ny = (a) b\n");

        assertThat(SyntaxCheck.problems(source)).containsExactly(
                "line 2: 'print' followed by '\"hi\"' is not Python 3 (a Python 2 statement)",
                "line 3: 'exec' followed by 'code' is not Python 3 (a Python 2 statement)",
                "line 4: ')' followed by 'b' is not Python 3");
    }

    /** Valid Python 3 is never flagged: keywords, soft keywords, string concatenation, one-line compounds. */
    @ParameterizedTest
    @ValueSource(strings = {"x = 'a' 'b' f'c'\n", "match point:\n    case [x, y]:\n        pass\n",
        "type Vector = list[float]\n", "if a: match = 1\n", "y = [i for i in range(3) if i not in s]\n",
        "lambda x: x\n", "async def f():\n    await g()\n", "z = a if b else c\n", "try: import x\nexcept: pass\n",
        "match = re.match(p, s)\n", "print('x', end='')\n", "@decorator\ndef f(): return None\n",
        "x = 1 if y is not None else 2\n"})
    void shouldAcceptValidPython3(final String code) {
        assertThat(SyntaxCheck.problems(PythonTokenizer.tokenize(code))).isEmpty();
    }
}
