package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.python.Token;
import io.jenkins.plugins.mlops.engine.python.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a Python file binds to modules and their members: {@code import a.b as c}, {@code from a import b as c},
 * {@code from a import *}, and plain re-bindings such as {@code L = tf.keras.layers}. Fed one statement at a time,
 * in order, so later bindings replace earlier ones as in Python.
 */
final class ImportTable {
    /**
     * One imported module, for following local modules.
     *
     * @param module the module as written, relative ones with their leading dots
     * @param names  the names imported from it ({@code from m import a, b}); empty for {@code import m}
     * @param line   where the import is
     */
    record ImportedModule(String module, List<String> names, int line) {
    }

    private final Map<String, String> aliases = new HashMap<>();
    private final List<String> starModules = new ArrayList<>();
    private final List<ImportedModule> imports = new ArrayList<>();

    /** Whether {@code statement} is an import statement (its names are bindings, not uses). */
    static boolean isImport(final List<Token> statement) {
        return !statement.isEmpty() && (statement.get(0).isName("import") || statement.get(0).isName("from"));
    }

    /** Records the bindings of {@code statement} if it is an import or a plain alias assignment. */
    void add(final List<Token> statement) {
        if (statement.isEmpty()) {
            return;
        }
        if (statement.get(0).isName("import")) {
            addImport(statement);
        }
        else if (statement.get(0).isName("from")) {
            addFromImport(statement);
        }
        else {
            addAlias(statement);
        }
    }

    /** The qualified name {@code name} is bound to, if it was imported. */
    Optional<String> resolve(final String name) {
        return Optional.ofNullable(aliases.get(name));
    }

    /** The modules imported with {@code *}, in order. */
    List<String> starModules() {
        return List.copyOf(starModules);
    }

    /** Every module imported, in order. */
    List<ImportedModule> imports() {
        return List.copyOf(imports);
    }

    private void addImport(final List<Token> statement) {
        Cursor cursor = new Cursor(statement, 1);
        while (cursor.hasMore()) {
            String module = cursor.dotted();
            if (module.isEmpty()) {
                return;
            }
            imports.add(new ImportedModule(module, List.of(), statement.get(0).line()));
            if (cursor.accept("as")) {
                bind(cursor.name(), module);
            }
            else {
                String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
                bind(top, top);
            }
            if (!cursor.acceptOperator(",")) {
                return;
            }
        }
    }

    private void addFromImport(final List<Token> statement) {
        Cursor cursor = new Cursor(statement, 1);
        StringBuilder module = new StringBuilder();
        while (cursor.peekOperator(".") || cursor.peekOperator("...")) {
            module.append(cursor.next().text());
        }
        module.append(cursor.dotted());
        if (!cursor.accept("import")) {
            return;
        }
        String from = module.toString();
        cursor.acceptOperator("(");
        List<String> names = new ArrayList<>();
        while (cursor.hasMore()) {
            if (cursor.acceptOperator("*")) {
                starModules.add(from);
                break;
            }
            String name = cursor.name();
            if (name.isEmpty()) {
                break;
            }
            names.add(name);
            String qualified = from.endsWith(".") ? from + name : from + "." + name;
            bind(cursor.accept("as") ? cursor.name() : name, qualified);
            if (!cursor.acceptOperator(",")) {
                break;
            }
        }
        imports.add(new ImportedModule(from, names, statement.get(0).line()));
    }

    /** {@code NAME = a.b.c} where {@code a} is imported makes NAME another name for {@code a.b.c}. */
    private void addAlias(final List<Token> statement) {
        if (statement.size() < 3 || statement.get(0).kind() != TokenKind.NAME || !statement.get(1).isOperator("=")) {
            return;
        }
        Cursor cursor = new Cursor(statement, 2);
        String value = cursor.dotted();
        if (value.isEmpty() || cursor.hasMore()) {
            return;
        }
        int dot = value.indexOf('.');
        String head = dot < 0 ? value : value.substring(0, dot);
        resolve(head).ifPresent(target -> bind(statement.get(0).text(), target + value.substring(head.length())));
    }

    private void bind(final String name, final String qualified) {
        if (!name.isEmpty()) {
            aliases.put(name, qualified);
        }
    }

    /** Walks the tokens of one statement. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int index;

        Cursor(final List<Token> tokens, final int index) {
            this.tokens = tokens;
            this.index = index;
        }

        boolean hasMore() {
            return index < tokens.size() && tokens.get(index).kind() != TokenKind.NEWLINE
                    && tokens.get(index).kind() != TokenKind.END;
        }

        Token next() {
            return tokens.get(index++);
        }

        boolean peekOperator(final String op) {
            return hasMore() && tokens.get(index).isOperator(op);
        }

        boolean acceptOperator(final String op) {
            if (peekOperator(op)) {
                index++;
                return true;
            }
            return false;
        }

        boolean accept(final String keyword) {
            if (hasMore() && tokens.get(index).isName(keyword)) {
                index++;
                return true;
            }
            return false;
        }

        String name() {
            return hasMore() && tokens.get(index).kind() == TokenKind.NAME ? next().text() : "";
        }

        /** A dotted name such as {@code a.b.c}; empty when there is none here. */
        String dotted() {
            StringBuilder dotted = new StringBuilder(name());
            while (dotted.length() > 0 && index + 1 < tokens.size() && tokens.get(index).isOperator(".")
                    && tokens.get(index + 1).kind() == TokenKind.NAME) {
                index++;
                dotted.append('.').append(next().text());
            }
            return dotted.toString();
        }
    }
}
