package io.jenkins.plugins.mlops.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.python.PythonTokenizer;
import io.jenkins.plugins.mlops.engine.python.Token;
import io.jenkins.plugins.mlops.engine.python.TokenKind;
import io.jenkins.plugins.mlops.engine.python.TokenizedSource;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test: 10,000 seeded random and mutated inputs (scripts, notebooks, configured entries) never make the
 * detector throw anything but {@link MlopsException}, and the tokenizer's tokens always match the text.
 */
class DetectionFuzzTest {
    private static final int CASES = 10_000;
    private static final long SEED = 20_261_126L;
    private static final String[] FRAGMENTS = {"'", "\"", "'''", "\"\"\"", "f\"{", "f'{x[\"a\"]}'", "rb'", "\\",
        "\\\n", "\r\n", "\r", "\n", "(", ")", "[", "]", "{", "}", "#", "import ", "from ", " as ", "*", ".", ",",
        "keras", "tensorflow", "torch.nn", "sklearn.svm", "xgboost", "layers", "Conv2D", "Dense(", "nn.LSTM(",
        ".fit(", "SVC()", "\t", "    ", "\0", "\uFEFF", "\uD800", "模型", "$", "?", "`", "0x", "1e", "...", ":=",
        "{\"cells\": [", "\"source\": [", "\"cell_type\": \"code\"", "%%bash\n", "!pip ", "entry: ", "../"};

    @TempDir
    private Path workspace;

    /** No input makes detection fail with anything but the documented MlopsException. */
    @Test
    void shouldOnlyEverThrowMlopsException() throws Exception {
        Random random = new Random(SEED);
        List<String> corpus = corpusTexts();
        List<String> failures = new ArrayList<>();
        int detected = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            String text = input(random, corpus);
            boolean notebook = text.startsWith("{") || random.nextInt(10) == 0;
            Path file = workspace.resolve(notebook ? "case.ipynb" : "case.py");
            Files.deleteIfExists(workspace.resolve("case.py"));
            Files.deleteIfExists(workspace.resolve("case.ipynb"));
            Files.write(file, i % 13 == 0 ? randomBytes(random) : text.getBytes(StandardCharsets.UTF_8));
            boolean wholeWorkspace = i % 20 == 0;
            String entry = !wholeWorkspace ? null : random.nextBoolean() ? mutate(random, "case.py")
                    : text.substring(0, Math.min(30, text.length()));
            try {
                Detection detection = new ModelTypeDetector().detect(wholeWorkspace ? workspace : file, entry,
                        new RunLog());
                assertThat(detection.confidence()).isBetween(0.0, 1.0);
                detected++;
            }
            catch (MlopsException e) {
                assertThat(e.getMessage()).isNotBlank();
                rejected++;
            }
            catch (RuntimeException | Error e) {
                failures.add("case " + i + ": " + e + " on " + excerpt(text));
            }
            checkTokens(text, failures, i);
        }

        assertThat(failures).isEmpty();
        assertThat(detected + rejected).isEqualTo(CASES);
        assertThat(detected).isGreaterThan(CASES / 2);
    }

    private static void checkTokens(final String text, final List<String> failures, final int index) {
        TokenizedSource source = PythonTokenizer.tokenize(text);
        int previousEnd = 0;
        for (Token token : source.tokens()) {
            if (token.start() < previousEnd || !text.substring(token.start(), token.end()).equals(token.text())) {
                failures.add("case " + index + ": token " + token + " does not match the text " + excerpt(text));
                return;
            }
            previousEnd = token.end();
        }
        boolean hasErrorToken = source.tokens().stream().anyMatch(token -> token.kind() == TokenKind.ERROR);
        if (hasErrorToken && !source.partial()
                || source.tokens().get(source.tokens().size() - 1).kind() != TokenKind.END) {
            failures.add("case " + index + ": error tokens without problems, or no END token: " + excerpt(text));
        }
    }

    private static String input(final Random random, final List<String> corpus) {
        String base = corpus.get(random.nextInt(corpus.size()));
        switch (random.nextInt(4)) {
            case 0:
                return randomText(random);
            case 1:
                return mutate(random, base);
            case 2:
                String other = corpus.get(random.nextInt(corpus.size()));
                return base.substring(0, random.nextInt(base.length() + 1))
                        + other.substring(random.nextInt(other.length() + 1));
            default:
                StringBuilder tokens = new StringBuilder();
                for (int n = random.nextInt(60); n > 0; n--) {
                    tokens.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                }
                return tokens.toString();
        }
    }

    private static String randomText(final Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(300); n > 0; n--) {
            text.append((char) (random.nextInt(8) == 0 ? random.nextInt(0x10000) : random.nextInt(128)));
        }
        return text.toString();
    }

    private static byte[] randomBytes(final Random random) {
        byte[] bytes = new byte[random.nextInt(400)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String mutate(final Random random, final String base) {
        StringBuilder text = new StringBuilder(base);
        for (int edits = 1 + random.nextInt(8); edits > 0; edits--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + random.nextInt(20)));
                case 2 -> text.setLength(at);
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
            }
        }
        return text.toString();
    }

    private static List<String> corpusTexts() throws Exception {
        try (Stream<Path> files = Files.walk(ModelTypeCorpusTest.corpus())) {
            return files.filter(Files::isRegularFile).map(DetectionFuzzTest::read).toList();
        }
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(final String text) {
        String start = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return "[" + start.replace("\n", "\\n").replace("\r", "\\r") + "]";
    }
}
