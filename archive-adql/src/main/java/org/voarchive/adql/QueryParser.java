package org.voarchive.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.voarchive.adql.ast.Query;
import org.voarchive.adql.parser.AdqlLexer;
import org.voarchive.adql.parser.AdqlParser;

/**
 * Parses ADQL 2.1 and applies the language's rules beyond the grammar.
 * Thread-safe; one instance per set of user-defined functions.
 */
public final class QueryParser {

    private static final int MAX_EXPECTED_LISTED = 6;
    static final int MAX_NESTING = 100;

    /** null: syntax only, any well-formed user-defined function call is accepted */
    private final FunctionRegistry functions;

    /** Strict: user-defined functions must be in the registry, with the right number of arguments. */
    public QueryParser(FunctionRegistry functions) {
        this.functions = Objects.requireNonNull(functions);
    }

    private QueryParser() {
        this.functions = null;
    }

    /**
     * Syntax only: a call of an undeclared function is well-formed ADQL (the
     * user-defined-function production); whether the service has it is name
     * resolution, which needs the service's registry.
     */
    public static QueryParser syntaxOnly() {
        return new QueryParser();
    }

    /**
     * U+0000 is no character of any ADQL token, and PostgreSQL cannot hold it in text (22021): refused
     * here, with its position, wherever it stands (string literal, delimited identifier or elsewhere).
     */
    private static void refuseNul(String adql) {
        int nul = adql.indexOf('\0');
        if (nul < 0) {
            return;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < nul; i++) {
            if (adql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        throw new AdqlException(line, nul - lineStart + 1,
            "the character U+0000 (NUL) is not allowed in a query, not even in a string or a delimited identifier");
    }

    /**
     * @return the query's syntax tree
     * @throws AdqlException at the first problem, with its line and column
     */
    public Query parse(String adql) {
        try {
            return parseChecked(adql);
        } catch (StackOverflowError e) {
            // e.g. 1+1+...+1 with thousands of terms: the tree is deeper than the stack
            throw new AdqlException(1, 1, "the query is too complex: its expressions are nested too deeply");
        }
    }

    private Query parseChecked(String adql) {
        refuseNul(adql);
        AdqlLexer lexer = new AdqlLexer(CharStreams.fromString(adql));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkNesting(tokens);
        checkOneStatement(tokens);
        AdqlParser parser = new AdqlParser(tokens);
        parser.removeErrorListeners();
        AdqlParser.QueryContext query;
        try {
            // two-stage parsing: the fast SLL mode decides almost every valid query ...
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            query = parser.query();
        } catch (ParseCancellationException sllFailed) {
            // ... and full LL, with error reporting, settles the rest
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new FirstErrorThrower());
            query = parser.query();
        }
        new SyntaxValidator(functions).visit(query);
        return AstBuilder.query(query);
    }

    /**
     * Parsing time grows with parenthesis depth; real queries nest a few
     * levels, so a hostile one is refused before it costs anything.
     */
    private static void checkNesting(CommonTokenStream tokens) {
        int depth = 0;
        for (Token t : tokens.getTokens()) {
            if ("(".equals(t.getText()) && t.getType() != AdqlLexer.STRING) {
                if (++depth > MAX_NESTING) {
                    throw new AdqlException(t.getLine(), t.getCharPositionInLine() + 1,
                        "parentheses nested more than " + MAX_NESTING + " deep");
                }
            } else if (")".equals(t.getText())) {
                depth--;
            }
        }
    }

    /**
     * A query pasted from an SQL tool may end with ';' (the grammar drops it; comments and white
     * space after it are skipped tokens). Anything else after it is a second statement, which
     * the parser would only call an unexpected token.
     */
    private static void checkOneStatement(CommonTokenStream tokens) {
        List<Token> all = tokens.getTokens();
        for (int i = 0; i < all.size() - 1; i++) {
            Token t = all.get(i);
            Token next = all.get(i + 1);
            if (t.getType() == AdqlLexer.SEMICOLON && next.getType() != Token.EOF) {
                throw new AdqlException(next.getLine(), next.getCharPositionInLine() + 1,
                    "only one query per request: the ';' at line " + t.getLine() + ", column "
                        + (t.getCharPositionInLine() + 1) + " ends it, and nothing but white space or comments may follow");
            }
        }
    }

    /** Turns the parser's first complaint into an {@link AdqlException} a person can act on. */
    private static final class FirstErrorThrower extends BaseErrorListener {

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            throw new AdqlException(line, charPositionInLine + 1, describe((Parser) recognizer, (Token) offendingSymbol));
        }

        private static String describe(Parser parser, Token token) {
            if (token.getType() == AdqlLexer.UNEXPECTED) {
                return switch (token.getText()) {
                    case "'" -> "unterminated string: a ' without its closing '";
                    case "\"" -> "unterminated or empty delimited identifier: a \" without its closing \"";
                    default -> "unexpected character '" + token.getText() + "'";
                };
            }
            String found = token.getType() == Token.EOF ? "the query ends here"
                : "unexpected '" + token.getText() + "'";
            List<String> expected = expected(parser);
            String hint = hint(parser, token, expected);
            if (hint != null) {
                return found + ": " + hint;
            }
            if (expected.isEmpty()) {
                return found;
            }
            if (expected.size() > MAX_EXPECTED_LISTED) {
                return found;
            }
            return found + "; expected " + String.join(" or ", expected);
        }

        /** What the grammar's complaint means for the forms people write, or null. */
        private static String hint(Parser parser, Token token, List<String> expected) {
            int type = token.getType();
            boolean mayEnd = expected.contains("the end of the query");
            if (mayEnd && (type == AdqlLexer.UNION || type == AdqlLexer.EXCEPT || type == AdqlLexer.INTERSECT)) {
                return "ORDER BY and OFFSET apply to the whole result of " + token.getText().toUpperCase(java.util.Locale.ROOT)
                    + " and come after its last operand; to order or offset one operand, put it in parentheses";
            }
            if (type == AdqlLexer.ON || type == AdqlLexer.USING) {
                Token join = previous(parser, token, AdqlLexer.JOIN);
                if (join == null) {
                    return null;
                }
                Token before = join;
                do {
                    before = previous(parser, before, -1);
                } while (before != null && Set.of(AdqlLexer.INNER, AdqlLexer.LEFT, AdqlLexer.RIGHT, AdqlLexer.FULL,
                    AdqlLexer.OUTER).contains(before.getType()));
                if (before != null && (before.getType() == AdqlLexer.NATURAL || before.getType() == AdqlLexer.CROSS)) {
                    return before.getText().toUpperCase(java.util.Locale.ROOT) + " JOIN takes no ON or USING";
                }
                return "each ON or USING belongs to the JOIN just before it, which has one already; "
                    + "nest a join in parentheses: a JOIN (b JOIN c ON ...) ON ...";
            }
            return null;
        }

        /** The token before {@code from} of that type (-1: of any type), or null. */
        private static Token previous(Parser parser, Token from, int type) {
            org.antlr.v4.runtime.TokenStream tokens = parser.getTokenStream();
            for (int i = from.getTokenIndex() - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (type == -1 || t.getType() == type) {
                    return t;
                }
            }
            return null;
        }

        private static List<String> expected(Parser parser) {
            IntervalSet set;
            try {
                set = parser.getExpectedTokens();
            } catch (IllegalArgumentException | IllegalStateException ignored) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (int type : set.toArray()) {
                if (type == AdqlLexer.SEMICOLON) {
                    continue; // the optional ';' is one way to end the query, already said
                }
                names.add(type == Token.EOF ? "the end of the query" : switch (type) {
                    case AdqlLexer.REGULAR_IDENTIFIER, AdqlLexer.DELIMITED_IDENTIFIER -> "a name";
                    case AdqlLexer.UNSIGNED_INTEGER -> "an unsigned integer";
                    case AdqlLexer.UNSIGNED_DECIMAL, AdqlLexer.HEX_INTEGER -> "a number";
                    case AdqlLexer.STRING -> "a string";
                    default -> parser.getVocabulary().getDisplayName(type).replace("'", "");
                });
            }
            return names.stream().distinct().toList();
        }
    }
}
