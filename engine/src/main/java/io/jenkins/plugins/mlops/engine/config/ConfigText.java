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

/** Reads a configuration file as bounded, strict UTF-8 text, so that a hostile file fails fast and clearly. */
final class ConfigText {
    private ConfigText() {
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
}
