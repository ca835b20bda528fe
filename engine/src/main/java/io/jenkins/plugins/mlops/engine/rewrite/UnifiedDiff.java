package io.jenkins.plugins.mlops.engine.rewrite;

import java.util.ArrayList;
import java.util.List;

/**
 * The unified diff ({@code diff -u} style, 3 lines of context) between two versions of a file. Lines are compared
 * without their terminators, so a CRLF file diffs like any other; the diff itself uses LF.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff of {@code before} and {@code after} of {@code file}, empty when they are equal. */
    static String of(final String file, final String before, final String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<int[]> ops = script(a, b);
        StringBuilder diff = new StringBuilder();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int quiet = 0;
            while (end < ops.size() && quiet <= 2 * CONTEXT) {
                quiet = ops.get(end)[0] == ' ' ? quiet + 1 : 0;
                end++;
            }
            end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
            hunk(diff, ops.subList(start, end), a, b);
            i = end;
        }
        return diff.isEmpty() ? "" : "--- a/" + file + "\n+++ b/" + file + "\n" + diff;
    }

    private static void hunk(final StringBuilder diff, final List<int[]> ops, final List<String> a,
            final List<String> b) {
        int aStart = ops.get(0)[1];
        int bStart = ops.get(0)[2];
        int aCount = 0;
        int bCount = 0;
        StringBuilder body = new StringBuilder();
        for (int[] op : ops) {
            char kind = (char) op[0];
            String line = kind == '+' ? b.get(op[2]) : a.get(op[1]);
            body.append(kind).append(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).append('\n');
            aCount += kind == '+' ? 0 : 1;
            bCount += kind == '-' ? 0 : 1;
        }
        diff.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n")
                .append(body);
    }

    private static String range(final int start, final int count) {
        return (count == 0 ? start : start + 1) + (count == 1 ? "" : "," + count);
    }

    /** Each op is {kind, index in a, index in b}; kind is ' ', '-' or '+'. */
    private static List<int[]> script(final List<String> a, final List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int n = a.size() - prefix - suffix;
        int m = b.size() - prefix - suffix;
        int[][] lcs = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                lcs[x][y] = a.get(prefix + x).equals(b.get(prefix + y)) ? lcs[x + 1][y + 1] + 1
                        : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        List<int[]> ops = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            ops.add(new int[] {' ', k, k});
        }
        int x = 0;
        int y = 0;
        while (x < n || y < m) {
            if (x < n && y < m && a.get(prefix + x).equals(b.get(prefix + y))) {
                ops.add(new int[] {' ', prefix + x++, prefix + y++});
            }
            else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                ops.add(new int[] {'-', prefix + x++, prefix + y});
            }
            else {
                ops.add(new int[] {'+', prefix + x, prefix + y++});
            }
        }
        for (int k = 0; k < suffix; k++) {
            ops.add(new int[] {' ', prefix + n + k, prefix + m + k});
        }
        return ops;
    }

    private static List<String> lines(final String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
