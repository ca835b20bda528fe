package io.jenkins.plugins.mlops.engine.config;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a configuration file as bounded, strict UTF-8 text and parses it as YAML with SnakeYAML's safe constructor
 * (plain maps, lists and scalars; {@code .nan} and {@code .inf} are numbers the key check then refuses; duplicate
 * keys, alias bombs and deep nesting are errors), so that a hostile file fails fast and clearly.
 */
final class ConfigText {
    private ConfigText() {
    }

    /** The YAML {@code text} of {@code file} as maps, lists and scalars; {@code null} when it holds nothing. */
    static Object parse(final Path file, final String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(text.length() + 1);
        try {
            DumperOptions unused = new DumperOptions();
            return new Yaml(new SafeConstructor(options), new Representer(unused), unused, options,
                    new PlainResolver()).load(text);
        }
        catch (MarkedYAMLException e) {
            throw MlopsException.input(file + " is not valid YAML (" + e.getProblem()
                    + (e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1))
                    + "); fix the syntax.");
        }
        catch (YAMLException e) {
            throw MlopsException.input(file + " is not valid YAML (" + e.getMessage() + "); fix the syntax.");
        }
    }

    /** The text of {@code file}, refused when larger than {@code maxBytes} or not UTF-8. */
    static String read(final Path file, final int maxBytes) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            throw MlopsException.input(file + " is larger than " + maxBytes / 1024 + " KiB; a configuration file "
                    + "holds a few keys, so shorten it.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            throw MlopsException.input(file + " is not UTF-8 text; save it as UTF-8.");
        }
    }

    /** YAML's implicit types without timestamps: a date-like value stays the text it was written as. */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
