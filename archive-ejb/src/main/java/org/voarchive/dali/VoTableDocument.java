package org.voarchive.dali;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
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

    private VoTableDocument(BufferedWriter w) {
        this.w = w;
    }

    /** The XML declaration, the VOTABLE element and, when there is one, the origin's query items. */
    public static VoTableDocument start(Writer out, DataOrigin origin) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter buffered ? buffered : new BufferedWriter(out);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\""
            + " xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        VoTableDocument document = new VoTableDocument(w);
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
        VOSerializer.makeSerializer(format, VOTableVersion.V14, table).writeInlineTableElement(w);
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
