package org.voarchive.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.voarchive.dali.DataOrigin;
import org.voarchive.dali.Xml;
import org.voarchive.datalink.LinksWriter;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOSerializer;
import uk.ac.starlink.votable.VOTableVersion;

/**
 * A TAP result VOTable (DALI 1.1 section 4.4, TAP 1.1 section 2.9): the
 * query items of Data Origin at the root ({@link DataOrigin}), one
 * {@code RESOURCE type="results"} with {@code QUERY_STATUS} first, INFOs about
 * the query and the Data Origin items of each table it read, the table
 * written by STIL's serializer as the rows stream in,
 * and a trailing {@code QUERY_STATUS} of OVERFLOW or ERROR when the rows were
 * cut by MAXREC or by a database failure after the document had started.
 */
final class VOTableResultWriter implements ResultWriter {

    private final DataFormat format;

    VOTableResultWriter(DataFormat format) {
        this.format = format;
    }

    @Override
    public void write(ResultTable table, ResultInfo info, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        // Data Origin section 5.3 (the 1.2 draft's best practice): the query items at the root of the document
        DataOrigin.write(w, info.origin().query());
        w.write("<RESOURCE type=\"results\">\n");
        info(w, "QUERY_STATUS", "OK", null);
        info(w, "QUERY", info.query(), null);
        info(w, "LANG", info.lang(), null);
        for (String source : info.sourceTables()) {
            info(w, "source_table", source, null);
        }
        // ... and the items of the data set(s) in the resource that holds what was read from them
        DataOrigin.write(w, info.origin().dataset());
        VOSerializer serializer = VOSerializer.makeSerializer(format, VOTableVersion.V14, table);
        serializer.writeInlineTableElement(w);
        switch (table.status()) {
            case OVERFLOW -> info(w, "QUERY_STATUS", "OVERFLOW",
                "The result was truncated at MAXREC = " + table.rowsDelivered() + " rows");
            case ERROR -> info(w, "QUERY_STATUS", "ERROR",
                "The query failed after " + table.rowsDelivered() + " rows: " + org.voarchive.database.DatabaseErrors.primaryMessage(table.failure()));
            case OK -> {
            }
        }
        w.write("</RESOURCE>\n");
        for (int column : info.datalinkColumns()) {
            serviceDescriptor(w, info.datalinkUrl(), ResultInfo.fieldId(column));
        }
        w.write("</VOTABLE>\n");
        w.flush();
    }

    /** A {links} service descriptor taking its ID from the FIELD {@code fieldId} (DataLink 1.1 section 4). */
    private static void serviceDescriptor(BufferedWriter w, String accessUrl, String fieldId) throws IOException {
        w.write("<RESOURCE type=\"meta\" utype=\"adhoc:service\">\n"
            + "<PARAM name=\"standardID\" datatype=\"char\" arraysize=\"*\" value=\"" + LinksWriter.STANDARD_ID + "\"/>\n"
            + "<PARAM name=\"accessURL\" datatype=\"char\" arraysize=\"*\" value=\"" + Xml.attribute(accessUrl) + "\"/>\n"
            + "<GROUP name=\"inputParams\">\n"
            + "<PARAM name=\"ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\" ref=\"" + fieldId
            + "\" value=\"\"/>\n</GROUP>\n</RESOURCE>\n");
    }

    private static void info(BufferedWriter w, String name, String value, String content) throws IOException {
        w.write("<INFO name=\"" + Xml.attribute(name) + "\" value=\"" + Xml.attribute(value) + "\"");
        if (content == null) {
            w.write("/>\n");
        } else {
            w.write(">" + Xml.text(content) + "</INFO>\n");
        }
    }
}
