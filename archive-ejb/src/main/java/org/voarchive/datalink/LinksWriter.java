package org.voarchive.datalink;

import jakarta.json.stream.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.voarchive.dali.DataOrigin;
import org.voarchive.dali.JsonValues;
import org.voarchive.dali.VoTableDocument;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;

/**
 * Writes a {links} response: a VOTable with one {@code RESOURCE type="results"}
 * (the standardID INFO, the DataLink 1.1 columns with their UCDs, and a
 * trailing OVERFLOW when IDs were left out), or the same as JSON.
 */
public final class LinksWriter {

    public static final String STANDARD_ID = "ivo://ivoa.net/std/DataLink#links-1.1";

    /** name, class, UCD, unit, description: DataLink 1.1 section 3.2 (content_qualifier, local_semantics: 1.1). */
    private static final Object[][] COLUMNS = {
        {"ID", String.class, "meta.id;meta.main", null, "Input identifier"},
        {"access_url", String.class, "meta.ref.url", null, "Link to data or service"},
        {"service_def", String.class, "meta.ref", null, "Reference to a service descriptor resource"},
        {"error_message", String.class, "meta.code.error", null, "Error if an access_url cannot be created"},
        {"semantics", String.class, "meta.code", null, "Term from a controlled vocabulary describing the link"},
        {"description", String.class, "meta.note", null, "Human-readable text describing this link"},
        {"content_type", String.class, "meta.code.mime", null, "Mime-type of the content the link returns"},
        {"content_length", Long.class, "phys.size;meta.file", "byte", "Size of the download the link returns"},
        {"content_qualifier", String.class, "meta.code.class", null, "The nature of the linked resource"},
        {"local_semantics", String.class, "meta.code", null, "The provider's own term for the link"}};

    private LinksWriter() {
    }

    public static void write(LinksResponse response, LinksFormat format, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (format == LinksFormat.JSON) {
            json(response, w);
        } else {
            voTable(response, format == LinksFormat.VOTABLE_BINARY2 ? DataFormat.BINARY2 : DataFormat.TABLEDATA, w);
        }
        w.flush();
    }

    private static void voTable(LinksResponse response, DataFormat format, BufferedWriter w) throws IOException {
        ColumnInfo[] infos = new ColumnInfo[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            infos[i] = new ColumnInfo((String) COLUMNS[i][0], (Class<?>) COLUMNS[i][1], (String) COLUMNS[i][4]);
            infos[i].setUCD((String) COLUMNS[i][2]);
            infos[i].setUnitString((String) COLUMNS[i][3]);
        }
        RowListStarTable table = new RowListStarTable(infos);
        for (Link link : response.links()) {
            table.addRow(row(link));
        }
        VoTableDocument document = VoTableDocument.start(w, response.origin()).startResults()
            .info("standardID", STANDARD_ID, null).info("QUERY_STATUS", "OK", null)
            .dataset(response.origin()).table(table, format); // the tables the rows belong to, with the rows
        if (response.overflow()) {
            document.info("QUERY_STATUS", "OVERFLOW", overflowMessage(response));
        }
        document.endResults().end();
    }

    private static void json(LinksResponse response, Writer w) throws IOException {
        // the generator writes into the buffer only; closing it would close the response
        JsonGenerator g = jakarta.json.Json.createGenerator(w);
        g.writeStartObject().write("standardID", STANDARD_ID);
        if (response.origin() != null) { // as in TAP's JSON results
            response.origin().writeJson(g);
        }
        g.writeStartArray("columns");
        for (Object[] column : COLUMNS) {
            g.writeStartObject().write("name", (String) column[0])
                .write("datatype", column[1] == Long.class ? "long" : "char").write("ucd", (String) column[2]);
            JsonValues.writeIfPresent(g, "unit", (String) column[3]);
            g.writeEnd();
        }
        g.writeEnd().writeStartArray("data");
        for (Link link : response.links()) {
            g.writeStartArray();
            for (Object cell : row(link)) {
                JsonValues.write(g, cell);
            }
            g.writeEnd();
        }
        g.writeEnd().write("queryStatus", response.overflow() ? "OVERFLOW" : "OK");
        if (response.overflow()) {
            g.write("overflow", overflowMessage(response));
        }
        g.writeEnd();
        g.flush();
        w.write('\n');
    }

    private static String overflowMessage(LinksResponse response) {
        return "Only the first " + response.maxIds() + " IDs were answered; ask for the others in further requests";
    }

    private static Object[] row(Link l) {
        return new Object[] {l.id(), l.accessUrl(), l.serviceDef(), l.errorMessage(), l.semantics(), l.description(),
            l.contentType(), l.contentLength(), l.contentQualifier(), l.localSemantics()};
    }
}
