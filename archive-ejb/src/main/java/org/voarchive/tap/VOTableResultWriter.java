package org.voarchive.tap;

import java.io.IOException;
import java.io.OutputStream;
import org.voarchive.dali.VoTableDocument;
import org.voarchive.dali.Xml;
import org.voarchive.datalink.LinksWriter;
import uk.ac.starlink.votable.DataFormat;

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
        VoTableDocument document = VoTableDocument.start(out, info.origin()).startResults()
            .info("QUERY_STATUS", "OK", null).info("QUERY", info.query(), null).info("LANG", info.lang(), null);
        for (String source : info.sourceTables()) {
            document.info("source_table", source, null);
        }
        document.dataset(info.origin()).table(table, format);
        switch (table.status()) {
            case OVERFLOW -> document.info("QUERY_STATUS", "OVERFLOW",
                "The result was truncated at MAXREC = " + table.rowsDelivered() + " rows");
            case ERROR -> document.info("QUERY_STATUS", "ERROR", "The query failed after " + table.rowsDelivered()
                + " rows: " + org.voarchive.database.DatabaseErrors.primaryMessage(table.failure()));
            case OK -> {
            }
        }
        document.endResults();
        for (int column : info.datalinkColumns()) {
            document.markup(serviceDescriptor(info.datalinkUrl(), ResultInfo.fieldId(column)));
        }
        document.end();
    }

    /** A {links} service descriptor taking its ID from the FIELD {@code fieldId} (DataLink 1.1 section 4). */
    private static String serviceDescriptor(String accessUrl, String fieldId) {
        return "<RESOURCE type=\"meta\" utype=\"adhoc:service\">\n"
            + "<PARAM name=\"standardID\" datatype=\"char\" arraysize=\"*\" value=\"" + LinksWriter.STANDARD_ID + "\"/>\n"
            + "<PARAM name=\"accessURL\" datatype=\"char\" arraysize=\"*\" value=\"" + Xml.attribute(accessUrl) + "\"/>\n"
            + "<GROUP name=\"inputParams\">\n"
            + "<PARAM name=\"ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\" ref=\"" + fieldId
            + "\" value=\"\"/>\n</GROUP>\n</RESOURCE>\n";
    }
}
