package io.jenkins.plugins.mlops.engine.python;

/** Finds where a numeric literal ends: decimal, hex/octal/binary, floats with exponents, imaginary, underscores. */
final class NumberScanner {
    private NumberScanner() {
    }

    /** The offset after the number that starts at {@code start} (a digit, or a '.' before a digit). */
    static int end(final String source, final int start) {
        int i = start;
        if (source.length() > start + 1 && source.charAt(start) == '0'
                && "xXoObB".indexOf(source.charAt(start + 1)) >= 0) {
            i = start + 2;
            while (i < source.length() && (Character.digit(source.charAt(i), 16) >= 0 || source.charAt(i) == '_')) {
                i++;
            }
            return i;
        }
        i = digits(source, i);
        if (i < source.length() && source.charAt(i) == '.') {
            i = digits(source, i + 1);
        }
        if (i < source.length() && (source.charAt(i) == 'e' || source.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < source.length() && (source.charAt(exponent) == '+' || source.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < source.length() && Character.isDigit(source.charAt(exponent))) {
                i = digits(source, exponent);
            }
        }
        if (i < source.length() && (source.charAt(i) == 'j' || source.charAt(i) == 'J')) {
            i++;
        }
        return i;
    }

    private static int digits(final String source, final int from) {
        int i = from;
        while (i < source.length() && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '_')) {
            i++;
        }
        return i;
    }
}
