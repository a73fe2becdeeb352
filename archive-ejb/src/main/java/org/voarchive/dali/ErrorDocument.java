package org.voarchive.dali;

import java.io.IOException;
import java.io.Writer;

/**
 * DALI 1.1 section 4.4 error documents: a VOTable whose only RESOURCE holds
 * {@code INFO name="QUERY_STATUS" value="ERROR"} with the message, or the
 * message as plain text for callers that asked for text.
 */
public final class ErrorDocument {

    public static final String VOTABLE_TYPE = "application/x-votable+xml";

    private ErrorDocument() {
    }

    public static void writeVOTable(Writer out, String message) throws IOException {
        writeVOTable(out, message, false);
    }

    /**
     * @param coneSearch also say it as SCS 1.03 does, in an {@code INFO name="Error"} directly
     *                   under VOTABLE (its preferred place), for cone search clients
     */
    public static void writeVOTable(Writer out, String message, boolean coneSearch) throws IOException {
        out.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            """);
        if (coneSearch) {
            out.write("  <INFO name=\"Error\" value=\"" + Xml.attribute(message) + "\"/>\n");
        }
        out.write("""
              <RESOURCE type="results">
                <INFO name="QUERY_STATUS" value="ERROR">""");
        out.write(Xml.text(message));
        out.write("</INFO>\n");
        String request = org.voarchive.logging.RequestId.current();
        if (request != null) { // what to quote to the operator: the service log has it on every line of the request
            out.write("  <INFO name=\"request_id\" value=\"" + Xml.attribute(request) + "\"/>\n");
        }
        out.write("""
              </RESOURCE>
            </VOTABLE>
            """);
        out.flush();
    }

    public static String voTable(String message) {
        return voTable(message, false);
    }

    /** @param coneSearch with SCS 1.03's error INFO as well */
    public static String voTable(String message, boolean coneSearch) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            writeVOTable(out, message, coneSearch);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
