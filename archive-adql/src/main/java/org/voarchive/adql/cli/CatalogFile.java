package org.voarchive.adql.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.voarchive.adql.check.Catalog;
import org.voarchive.adql.check.ColumnInfo;
import org.voarchive.adql.check.TableInfo;
import org.voarchive.adql.check.ValueType;

/**
 * Reads a catalogue for {@code adql.jar translate --catalog FILE}:
 * <pre>{"tables": [{"schema": "demo", "name": "bsc5", "description": "...",
 *   "columns": [{"name": "ra", "datatype": "double", "arraysize": null, "xtype": null,
 *                "unit": "deg", "ucd": "pos.eq.ra;meta.main", "utype": null, "description": "..."}]}]}</pre>
 * Only {@code name} and {@code datatype} of a column are required.
 */
final class CatalogFile {

    private CatalogFile() {
    }

    static Catalog read(Path file) throws IOException {
        Object json = parse(Files.readString(file));
        List<TableInfo> tables = new ArrayList<>();
        for (Object t : list(map(json, "the catalogue").get("tables"), "tables")) {
            Map<String, Object> table = map(t, "a table");
            List<ColumnInfo> columns = new ArrayList<>();
            for (Object c : list(table.get("columns"), "columns")) {
                Map<String, Object> column = map(c, "a column");
                columns.add(new ColumnInfo(text(column, "name", true),
                    new ValueType(text(column, "datatype", true), text(column, "arraysize", false), text(column, "xtype", false)),
                    text(column, "unit", false), text(column, "ucd", false), text(column, "utype", false),
                    text(column, "description", false)));
            }
            tables.add(new TableInfo(text(table, "schema", true), text(table, "name", true),
                text(table, "description", false), columns));
        }
        List<TableInfo> all = List.copyOf(tables);
        return () -> all;
    }

    /** JSON text to Map, List, String, Double, Boolean or null. */
    static Object parse(String text) {
        JsonLexer lexer = new JsonLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        JsonParser parser = new JsonParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int column, String msg, RecognitionException e) {
                throw new IllegalArgumentException("catalogue file, line " + line + ":" + (column + 1) + ": " + msg);
            }
        });
        return value(parser.document().value());
    }

    private static Object value(JsonParser.ValueContext v) {
        if (v instanceof JsonParser.ObjectValueContext o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (JsonParser.MemberContext m : o.object().member()) {
                map.put(string(m.STRING().getText()), value(m.value()));
            }
            return map;
        }
        if (v instanceof JsonParser.ArrayValueContext a) {
            List<Object> list = new ArrayList<>();
            a.array().value().forEach(e -> list.add(value(e)));
            return list;
        }
        if (v instanceof JsonParser.StringValueContext s) {
            return string(s.STRING().getText());
        }
        if (v instanceof JsonParser.NumberValueContext n) {
            return Double.valueOf(n.getText());
        }
        if (v instanceof JsonParser.TrueValueContext) {
            return Boolean.TRUE;
        }
        return v instanceof JsonParser.FalseValueContext ? Boolean.FALSE : null;
    }

    /** The value of a JSON string token: quotes removed, escapes undone. */
    static String string(String token) {
        StringBuilder s = new StringBuilder(token.length());
        for (int i = 1; i < token.length() - 1; i++) {
            char c = token.charAt(i);
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = token.charAt(++i);
            switch (e) {
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    s.append((char) Integer.parseInt(token.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> s.append(e); // " \ /
            }
        }
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("catalogue file: " + what + " must be a JSON object");
    }

    private static List<Object> list(Object o, String what) {
        if (o instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw new IllegalArgumentException("catalogue file: \"" + what + "\" must be a JSON array");
    }

    private static String text(Map<String, Object> o, String key, boolean required) {
        Object v = o.get(key);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException("catalogue file: \"" + key + "\" missing in " + o);
            }
            return null;
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue()); // e.g. "arraysize": 2
        }
        return v.toString();
    }
}
