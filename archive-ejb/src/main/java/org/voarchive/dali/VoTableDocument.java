package org.voarchive.dali;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOTableVersion;

/**
 * The one VOTable envelope of every DALI response the archive writes (TAP and cone search results, {links}
 * responses, error documents): VOTable 1.4 in the 1.3 namespace, the Data Origin query items at the root and
 * the dataset items in the {@code RESOURCE type="results"} (the note's section 5.3, 1.2 draft's best
 * practice), INFOs escaped, the table streamed by STIL's serializer as its rows come. It writes in document
 * order into the caller's writer (buffered, as STIL's serializer needs), and flushes it at the end.
 */
public final class VoTableDocument {

    private final BufferedWriter w;
    /** The bytes under {@link #w}, when known: the table's data then bypasses the writer's character encoding. */
    private final OutputStream bytes;

    private VoTableDocument(BufferedWriter w, OutputStream bytes) {
        this.w = w;
        this.bytes = bytes;
    }

    /**
     * As {@link #start(Writer, DataOrigin)}, writing UTF-8 into {@code out}. A large table's data then goes to the
     * stream as bytes: encoded to base64 characters and back to bytes by a writer, it was a quarter of the time of
     * a million-row BINARY2 result (JFR).
     */
    public static VoTableDocument start(OutputStream out, DataOrigin origin) throws IOException {
        return start(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), out, origin);
    }

    /** The XML declaration, the VOTABLE element and, when there is one, the origin's query items. */
    public static VoTableDocument start(Writer out, DataOrigin origin) throws IOException {
        return start(out instanceof BufferedWriter buffered ? buffered : new BufferedWriter(out), null, origin);
    }

    private static VoTableDocument start(BufferedWriter w, OutputStream bytes, DataOrigin origin) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\""
            + " xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        VoTableDocument document = new VoTableDocument(w, bytes);
        if (origin != null) {
            document.infos(origin.query());
        }
        return document;
    }

    /** An INFO where the document is now (under VOTABLE or in the results RESOURCE); content may be null. */
    public VoTableDocument info(String name, String value, String content) throws IOException {
        w.write("<INFO name=\"" + Xml.attribute(name) + "\" value=\"" + Xml.attribute(value) + "\"");
        w.write(content == null ? "/>\n" : ">" + Xml.text(content) + "</INFO>\n");
        return this;
    }

    private void infos(List<DataOrigin.Info> infos) throws IOException {
        for (DataOrigin.Info i : infos) {
            info(i.name(), i.value(), i.content());
        }
    }

    /** Markup the caller built (and escaped) where the document is now, such as a service descriptor RESOURCE. */
    public VoTableDocument markup(String xml) throws IOException {
        w.write(xml);
        return this;
    }

    /** Opens the {@code RESOURCE type="results"}. */
    public VoTableDocument startResults() throws IOException {
        w.write("<RESOURCE type=\"results\">\n");
        return this;
    }

    /** The origin's dataset items, in the results RESOURCE with what was read from those tables. */
    public VoTableDocument dataset(DataOrigin origin) throws IOException {
        if (origin != null) {
            infos(origin.dataset());
        }
        return this;
    }

    /** The table, its rows serialized in the given format as STIL reads them from it. */
    public VoTableDocument table(StarTable table, DataFormat format) throws IOException {
        VOSerializer serializer = VOSerializer.makeSerializer(format, VOTableVersion.V14, table);
        if (bytes == null || format == DataFormat.TABLEDATA) {
            serializer.writeInlineTableElement(w);
            return this;
        }
        // STIL's serializer makes the binary rows; the JDK's base64 encoder is three times faster than STIL's, which
        // was a third of a million-row BINARY2 result's time (JFR). STIL hands the raw rows to a stream only for a
        // DATA element referring to another file: that element is not written, the rows go inline here.
        serializer.writePreDataXML(w);
        String element = format == DataFormat.BINARY2 ? "BINARY2" : "BINARY";
        w.write("<DATA>\n<" + element + ">\n<STREAM encoding='base64'>\n");
        w.flush();
        OutputStream base64 = Base64.getMimeEncoder(76, new byte[] {'\n'}).wrap(new FilterOutputStream(bytes) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the document goes on after the rows
            }
        });
        try (OutputStream rows = new BufferedOutputStream(base64, 1 << 16)) {
            serializer.writeHrefDataElement(new BufferedWriter(Writer.nullWriter()), "", rows);
        }
        w.write("\n</STREAM>\n</" + element + ">\n</DATA>\n");
        serializer.writePostDataXML(w);
        return this;
    }

    /** The table's metadata (description, PARAMs, FIELDs) without its DATA: the rows are elsewhere (VOParquet). */
    public VoTableDocument tableMetadata(StarTable table) throws IOException {
        VOSerializer serializer = VOSerializer.makeSerializer(DataFormat.TABLEDATA, VOTableVersion.V14, table);
        serializer.writePreDataXML(w);
        serializer.writePostDataXML(w);
        return this;
    }

    public VoTableDocument endResults() throws IOException {
        w.write("</RESOURCE>\n");
        return this;
    }

    /** Closes VOTABLE and flushes the writer. */
    public void end() throws IOException {
        w.write("</VOTABLE>\n");
        w.flush();
    }
}
