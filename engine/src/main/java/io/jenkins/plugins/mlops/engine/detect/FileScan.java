package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.python.SyntaxCheck;
import io.jenkins.plugins.mlops.engine.python.Token;
import io.jenkins.plugins.mlops.engine.python.TokenKind;
import io.jenkins.plugins.mlops.engine.python.TokenizedSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one Python file says: the framework names it uses (after following its import aliases, star imports and
 * re-bindings), the modules it imports, and whether it trains. Only code tokens count, so comments, docstrings and
 * strings never do; names in import statements are bindings, not uses, so an unused import does not count either.
 *
 * @param file     the file, relative to the workspace
 * @param signals  the framework names used, in order
 * @param imports  the modules imported
 * @param trains   whether the file calls a training method ({@code fit}, {@code compile}, {@code backward}, ...)
 * @param problems what could not be read (lexical errors, code that is not Python 3), one line each
 */
record FileScan(String file, List<Signal> signals, List<ImportTable.ImportedModule> imports, boolean trains,
        List<String> problems) {
    private static final Set<String> TRAINING_CALLS = Set.of("fit", "fit_generator", "train_on_batch", "compile",
            "train", "step", "backward", "minimize", "apply_gradients", "partial_fit");
    private static final Set<String> COMPOUND_HEADERS = Set.of("try", "else", "finally", "if", "elif", "except",
            "with", "while", "for", "def", "class");

    FileScan {
        signals = List.copyOf(signals);
        imports = List.copyOf(imports);
        problems = List.copyOf(problems);
    }

    /** Whether some of the file could not be read. */
    boolean partial() {
        return !problems.isEmpty();
    }

    /** A file that could not be read at all. */
    static FileScan unreadable(final String file, final String problem) {
        return new FileScan(file, List.of(), List.of(), false, List.of(problem));
    }

    /** Scans the tokens of {@code file}. */
    static FileScan of(final String file, final TokenizedSource source, final ModelTypeRegistry registry) {
        ImportTable table = new ImportTable();
        List<Signal> signals = new ArrayList<>();
        boolean trains = false;
        for (List<Token> line : statements(source.code())) {
            List<Token> statement = body(line);
            table.add(statement);
            if (ImportTable.isImport(statement)) {
                continue;
            }
            trains |= callsTraining(statement);
            for (int i = 0; i < statement.size(); i++) {
                Token token = statement.get(i);
                if (token.kind() == TokenKind.NAME && (i == 0 || !statement.get(i - 1).isOperator("."))) {
                    String chain = chainAt(statement, i);
                    resolve(chain, table, registry).ifPresent(name -> signals.add(signal(name, file,
                            token.line(), registry)));
                }
            }
        }
        List<String> problems = Stream.concat(source.problems().stream(), SyntaxCheck.problems(source).stream())
                .map(problem -> file + " " + problem).toList();
        // One warning per file: a file that is not Python has a problem on every line.
        List<String> warning = problems.size() <= 1 ? problems : List.of(problems.get(0) + " (and "
                + (problems.size() - 1) + " more problems in this file)");
        return new FileScan(file, signals, table.imports(), trains, warning);
    }

    private static Optional<String> resolve(final String chain, final ImportTable table,
            final ModelTypeRegistry registry) {
        int dot = chain.indexOf('.');
        String head = dot < 0 ? chain : chain.substring(0, dot);
        Optional<String> imported = table.resolve(head).map(target -> target + chain.substring(head.length()));
        if (imported.isPresent()) {
            return imported.filter(name -> registry.owner(name).isPresent());
        }
        for (String module : table.starModules()) {
            String candidate = module + "." + chain;
            boolean known = registry.owner(candidate).map(owner -> owner.match(candidate).specific())
                    .orElse(false);
            if (known) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Signal signal(final String name, final String file, final int line,
            final ModelTypeRegistry registry) {
        ModelTypeDescriptor owner = registry.owner(name).orElseThrow();
        ModelTypeDescriptor.Match match = owner.match(name);
        return new Signal(owner.framework(), match.architecture(), match.weight(), file, line, name);
    }

    /** The dotted name {@code a.b.c} starting at {@code start}. */
    private static String chainAt(final List<Token> statement, final int start) {
        StringBuilder chain = new StringBuilder(statement.get(start).text());
        int i = start + 1;
        while (i + 1 < statement.size() && statement.get(i).isOperator(".")
                && statement.get(i + 1).kind() == TokenKind.NAME) {
            chain.append('.').append(statement.get(i + 1).text());
            i += 2;
        }
        return chain.toString();
    }

    /** The statement after a one-line compound header, as in {@code try: import keras}; else the statement. */
    private static List<Token> body(final List<Token> statement) {
        if (!COMPOUND_HEADERS.contains(statement.get(0).text()) || statement.get(0).kind() != TokenKind.NAME) {
            return statement;
        }
        int depth = 0;
        for (int i = 1; i + 1 < statement.size(); i++) {
            Token token = statement.get(i);
            if (token.isOperator("(") || token.isOperator("[") || token.isOperator("{")) {
                depth++;
            }
            else if (token.isOperator(")") || token.isOperator("]") || token.isOperator("}")) {
                depth--;
            }
            else if (depth == 0 && token.isOperator(":")) {
                return statement.subList(i + 1, statement.size());
            }
        }
        return statement;
    }

    private static boolean callsTraining(final List<Token> statement) {
        for (int i = 1; i + 1 < statement.size(); i++) {
            if (statement.get(i - 1).isOperator(".") && statement.get(i).kind() == TokenKind.NAME
                    && TRAINING_CALLS.contains(statement.get(i).text()) && statement.get(i + 1).isOperator("(")) {
                return true;
            }
        }
        return false;
    }

    /** Splits code tokens into simple statements at logical line ends and top-level semicolons. */
    static List<List<Token>> statements(final List<Token> code) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : code) {
            if (token.kind() == TokenKind.NEWLINE || token.kind() == TokenKind.END || token.isOperator(";")) {
                if (!current.isEmpty()) {
                    statements.add(current);
                }
                current = new ArrayList<>();
            }
            else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(current);
        }
        return statements;
    }
}
