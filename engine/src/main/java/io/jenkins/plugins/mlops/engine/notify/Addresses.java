package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks the values that end up in mail headers, so that no setting or commit can add headers of its own. */
final class Addresses {
    private Addresses() {
    }

    /** {@code value} unchanged; a line break in it would start a new header, so it is refused. */
    static String requireSingleLine(final String value, final String origin) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            throw MlopsException.input(origin + " contains a line break, which would let it add mail headers "
                    + "(header injection); remove the line break.");
        }
        return value;
    }

    /** {@code address} trimmed, when it is one plain e-mail address ({@code someone@example.com}). */
    static String requireAddress(final String address, final String origin) {
        requireSingleLine(address, origin);
        String trimmed = address == null ? "" : address.trim();
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            if (parsed.getPersonal() != null || parsed.isGroup() || !trimmed.contains("@")) {
                throw new AddressException("expected a plain address like someone@example.com");
            }
            return trimmed;
        }
        catch (AddressException e) {
            throw MlopsException.input(origin + " '" + trimmed + "' is not an e-mail address (" + e.getMessage()
                    + "); write it as someone@example.com.");
        }
    }

    /** The comma-separated addresses in {@code value}, each checked; blanks between commas are skipped. */
    static List<String> parseList(final String value, final String origin) {
        requireSingleLine(value, origin);
        List<String> addresses = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    addresses.add(requireAddress(part, origin));
                }
            }
        }
        return addresses;
    }

    /** {@code addresses} without repeats, comparing case-insensitively, first spelling and order kept. */
    static List<String> distinct(final List<String> addresses) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String address : addresses) {
            byKey.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        return List.copyOf(byKey.values());
    }
}
