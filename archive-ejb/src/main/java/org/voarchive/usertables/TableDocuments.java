package org.voarchive.usertables;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.voarchive.table.RowSource;
import org.voarchive.table.SafeXml;
import org.voarchive.table.StilRows;
import org.voarchive.table.TableRefusedException;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The two documents that describe a personal table in a VOSI 1.2 (working draft) {@code PUT} or {@code POST} on
 * {@code /tap/tables/{name}}, read into a {@link TableSpec}:
 * <ul>
 * <li>a VOSI table ({@code text/xml}): root {@code vosi:table}, columns as VODataService {@code column} elements
 * with {@code dataType xsi:type="vs:VOTableType"}, its {@code arraysize} and {@code extendedType} (the VOTable
 * xtype when there is no {@code extendedSchema}, VODataService 1.2 l.1075-1107) attributes, as
 * {@code vosi.VosiTables} writes them, so what GET answers can be sent back;</li>
 * <li>a VOTable ({@code application/x-votable+xml}): the FIELDs of its first TABLE; the rows are the loader's
 * (read after {@code table.UntrustedTable} has checked the file), not read here.</li>
 * </ul>
 * Both are parsed by {@link SafeXml} (no DOCTYPE, no entities, no external access). The table's name inside the
 * document is ignored, as youcat does: the path names the table. Names, types and lengths are checked where the
 * table is made ({@code PersonalTables}), once for every way in; this class checks only the document's shape.
 * Malformed documents are a 400 naming the line and column.
 */
public final class TableDocuments {

    /** The media types of the two documents (VOSI 1.2 WD openapi/vosi-table.yaml; pyvo's TABLE_DEF_FORMAT). */
    public static final String VOSI_TABLE = "text/xml";
    public static final String VOTABLE = "application/x-votable+xml";
    /** VOSI 1.1 section 5: the root of a single table's description. */
    public static final String VOSI_TABLES_NAMESPACE = "http://www.ivoa.net/xml/VOSITables/v1.0";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The longest text of one element read here (descriptions are at most 4,000 characters, names 63 bytes). */
    static final int MAX_TEXT = 65_536;
    /** PostgreSQL's most columns of a table. */
    static final int MAX_COLUMNS = 1600;

    /** What a request body is, by its Content-Type. */
    public enum Kind { VOSI_TABLE, VOTABLE }

    private TableDocuments() {
    }

    /**
     * The kind of document a Content-Type names: {@code text/xml} and {@code application/xml} a VOSI table,
     * {@code application/x-votable+xml} (and the {@code text/x-votable+xml} some clients send) a VOTable.
     *
     * @throws TableRequestException 415 for anything else, naming what is accepted
     */
    public static Kind kind(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/xml", "application/xml" -> Kind.VOSI_TABLE;
            case "application/x-votable+xml", "text/x-votable+xml" -> Kind.VOTABLE;
            default -> throw new TableRequestException(415, (type.isEmpty() ? "a request without Content-Type"
                : "Content-Type " + type) + " does not describe a table; send a VOSI table as " + VOSI_TABLE
                + " or a VOTable as " + VOTABLE);
        };
    }

    /**
     * A PUT or POST body: its table description, and for a VOTable the file it was spooled to, whose rows the
     * loader reads ({@link #rows}). Close it to remove the file.
     */
    public static final class Body implements AutoCloseable {

        private final TableSpec spec;
        private final Path file;
        private final long maxBytes;

        private Body(TableSpec spec, Path file, long maxBytes) {
            this.spec = spec;
            this.file = file;
            this.maxBytes = maxBytes;
        }

        public TableSpec spec() {
            return spec;
        }

        /** The VOTable's rows, checked and read as every table file from outside; null for a VOSI table. */
        public RowSource rows() throws IOException {
            if (file == null) {
                return null;
            }
            try {
                return StilRows.open(file, "votable", maxBytes);
            } catch (TableRefusedException e) {
                throw new TableRequestException(400, e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Reads a request body of that Content-Type. A VOTable is spooled to a file first (its FIELDs come before its
     * rows, which are loaded from the file afterwards); a VOSI table is parsed as it streams.
     *
     * @param maxBytes the longest body accepted ({@code archive.usertables.load.max-bytes})
     * @throws TableRequestException 400 malformed, 413 too long, 415 another Content-Type
     */
    public static Body read(String contentType, InputStream in, long maxBytes) throws IOException {
        Kind kind = kind(contentType);
        if (kind == Kind.VOSI_TABLE) {
            return new Body(vosiTable(limited(in, maxBytes)), null, maxBytes);
        }
        Path file = Files.createTempFile("personal-table-", ".vot");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                limited(in, maxBytes).transferTo(out);
            }
            try (InputStream fields = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                return new Body(voTableFields(fields), file, maxBytes);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The stream, failing with a 413 once it gives more than {@code maxBytes}. */
    private static InputStream limited(InputStream in, long maxBytes) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(long n) {
                read += n;
                if (read > maxBytes) {
                    throw new TableRequestException(413, "the request body is longer than the limit of " + maxBytes
                        + " bytes (archive.usertables.load.max-bytes)");
                }
            }
        };
    }

    /** A VOSI table document's description, utype and columns. */
    public static TableSpec vosiTable(InputStream in) throws IOException {
        VosiTableHandler handler = new VosiTableHandler();
        parse(in, handler, "VOSI table");
        return handler.spec();
    }

    /** The description, utype and FIELDs of a VOTable's first TABLE; parsing stops where its data starts. */
    public static TableSpec voTableFields(InputStream in) throws IOException {
        VoTableFieldsHandler handler = new VoTableFieldsHandler();
        try {
            parse(in, handler, "VOTable");
        } catch (Done done) {
            // the first TABLE's metadata is complete
        }
        return handler.spec();
    }

    private static void parse(InputStream in, Handler handler, String what) throws IOException {
        try {
            SafeXml.parse(in, handler);
        } catch (SAXParseException e) {
            throw new TableRequestException(400, "not a well-formed " + what + " " + SafeXml.located(e));
        } catch (SAXException e) {
            if (e.getCause() instanceof TableRequestException refused) {
                throw refused;
            }
            throw new TableRequestException(400, "not an acceptable " + what + ": " + e.getMessage());
        }
    }

    /** Thrown by a handler when it has read all it needs: unchecked, so the parser passes it through as it is. */
    private static final class Done extends RuntimeException {
        Done() {
            super(null, null, false, false);
        }
    }

    /** What both readers share: the element path, the text of the current element, located errors. */
    private abstract static class Handler extends SafeXml.StrictHandler {

        final Deque<String> path = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public final void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            text.setLength(0);
            String name = localName == null || localName.isEmpty() ? qName : localName;
            start(uri == null ? "" : uri, name, attributes);
            path.push(name);
        }

        @Override
        public final void endElement(String uri, String localName, String qName) throws SAXException {
            path.pop();
            String name = localName == null || localName.isEmpty() ? qName : localName;
            end(name, blankToNull(text.toString()));
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (text.length() + length > MAX_TEXT) { // a body of gigabytes must not become one string in memory
                throw refuse("the text of " + path.peek() + " is longer than " + MAX_TEXT + " characters");
            }
            text.append(ch, start, length);
        }

        /** Adds a column, refusing more than PostgreSQL could make before the list grows with the body. */
        void add(List<ColumnSpec> columns, ColumnSpec column) throws SAXException {
            if (columns.size() == MAX_COLUMNS) {
                throw refuse("more than " + MAX_COLUMNS + " columns, PostgreSQL's limit");
            }
            columns.add(column);
        }

        abstract void start(String uri, String name, Attributes attributes) throws SAXException;

        abstract void end(String name, String text) throws SAXException;

        /** The element's parent's local name, or "" at the root. */
        String parent() {
            return path.isEmpty() ? "" : path.peek();
        }

        SAXException refuse(String why) {
            String where = locator == null ? "" : "line " + locator.getLineNumber() + ", column "
                + locator.getColumnNumber() + ": ";
            return new SAXException(new TableRequestException(400, where + why));
        }
    }

    /** A column being read, its parts as they come. */
    private static final class Column {
        String name;
        String datatype;
        String arraysize;
        String xtype;
        String unit;
        String ucd;
        String utype;
        String description;

        ColumnSpec spec() {
            return new ColumnSpec(name, datatype, arraysize, xtype, unit, ucd, utype, description);
        }
    }

    private static final class VosiTableHandler extends Handler {

        private boolean rootSeen;
        private String description;
        private String utype;
        private final List<ColumnSpec> columns = new ArrayList<>();
        private Column column;

        TableSpec spec() {
            return new TableSpec(description, utype, List.copyOf(columns));
        }

        @Override
        void start(String uri, String name, Attributes attributes) throws SAXException {
            if (!rootSeen) {
                rootSeen = true;
                if (!name.equals("table") || !uri.equals(VOSI_TABLES_NAMESPACE)) {
                    throw refuse("the document's root is " + (uri.isEmpty() ? "" : "{" + uri + "}") + name
                        + "; a VOSI table's is table in the namespace " + VOSI_TABLES_NAMESPACE);
                }
                return;
            }
            if (path.size() == 1 && name.equals("foreignKey")) {
                throw refuse("foreign keys cannot be declared on a personal table; leave foreignKey out");
            }
            if (path.size() == 1 && name.equals("column")) {
                column = new Column();
            } else if (column != null && path.size() == 2 && name.equals("dataType")) {
                dataType(attributes);
            }
        }

        /** The VOTable type of the column being read: VODataService's VOTableType only (TAPType is deprecated). */
        private void dataType(Attributes attributes) throws SAXException {
            String type = attributes.getValue(XSI, "type");
            String local = type == null ? null : type.substring(type.indexOf(':') + 1).strip();
            if (local != null && !local.equals("VOTableType")) {
                throw refuse("column " + describe(column) + ": dataType of xsi:type " + type + " is not read here; "
                    + "give xsi:type=\"vs:VOTableType\" and a VOTable datatype");
            }
            if (blankToNull(attributes.getValue("extendedSchema")) != null) {
                throw refuse("column " + describe(column) + ": an extendedType of another schema ("
                    + attributes.getValue("extendedSchema") + ") is not read here; without extendedSchema, "
                    + "extendedType is the VOTable xtype");
            }
            column.arraysize = blankToNull(attributes.getValue("arraysize"));
            column.xtype = blankToNull(attributes.getValue("extendedType"));
        }

        @Override
        void end(String name, String text) throws SAXException {
            if (path.isEmpty()) {
                return; // the root
            }
            if (path.size() == 1) {
                switch (name) {
                    case "description" -> description = text;
                    case "utype" -> utype = text;
                    case "column" -> {
                        if (column.name == null) {
                            throw refuse("column " + (columns.size() + 1) + " has no name");
                        }
                        if (column.datatype == null) {
                            throw refuse("column " + column.name + " has no dataType");
                        }
                        add(columns, column.spec());
                        column = null;
                    }
                    default -> { } // name (the path decides), title, nrows, ...: not stored for a personal table
                }
            } else if (path.size() == 2 && column != null) {
                switch (name) {
                    case "name" -> column.name = text;
                    case "description" -> column.description = text;
                    case "unit" -> column.unit = text;
                    case "ucd" -> column.ucd = text;
                    case "utype" -> column.utype = text;
                    case "dataType" -> column.datatype = text;
                    default -> { } // flag, std: the archive sets them (indexed, primary) itself
                }
            }
        }
    }

    private static final class VoTableFieldsHandler extends Handler {

        /** Whether the first TABLE has started. */
        private boolean inTable;
        private String description;
        private String utype;
        private final List<ColumnSpec> columns = new ArrayList<>();
        private Column field;

        TableSpec spec() {
            if (!inTable) {
                throw new TableRequestException(400, "the VOTable has no TABLE, so it defines no columns");
            }
            return new TableSpec(description, utype, List.copyOf(columns));
        }

        @Override
        void start(String uri, String name, Attributes attributes) throws SAXException {
            if (path.isEmpty() && !name.equals("VOTABLE")) {
                throw refuse("the document's root is " + name + "; a VOTable's is VOTABLE");
            }
            if (name.equals("TABLE")) {
                inTable = true;
                utype = blankToNull(attributes.getValue("utype"));
            } else if (inTable && name.equals("DATA")) {
                throw new Done();
            } else if (inTable && name.equals("FIELD") && parent().equals("TABLE")) {
                field = new Column();
                field.name = blankToNull(attributes.getValue("name"));
                field.datatype = blankToNull(attributes.getValue("datatype"));
                field.arraysize = blankToNull(attributes.getValue("arraysize"));
                field.xtype = blankToNull(attributes.getValue("xtype"));
                field.unit = blankToNull(attributes.getValue("unit"));
                field.ucd = blankToNull(attributes.getValue("ucd"));
                field.utype = blankToNull(attributes.getValue("utype"));
                if (field.name == null) {
                    throw refuse("FIELD " + (columns.size() + 1) + " has no name");
                }
                if (field.datatype == null) {
                    throw refuse("FIELD " + field.name + " has no datatype");
                }
            }
        }

        @Override
        void end(String name, String text) throws SAXException {
            if (!inTable) {
                return;
            }
            if (name.equals("DESCRIPTION") && parent().equals("FIELD") && field != null) {
                field.description = text;
            } else if (name.equals("DESCRIPTION") && parent().equals("TABLE")) {
                description = text;
            } else if (name.equals("FIELD") && field != null) {
                add(columns, field.spec());
                field = null;
            } else if (name.equals("TABLE")) {
                throw new Done(); // a TABLE without DATA: its columns, no rows
            }
        }
    }

    private static String describe(Column column) {
        return Optional.ofNullable(column.name).orElse("(before its name)");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
