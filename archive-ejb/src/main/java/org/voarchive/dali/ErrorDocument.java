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
        VoTableDocument document = VoTableDocument.start(out, null);
        if (coneSearch) {
            document.info("Error", message, null);
        }
        document.startResults().info("QUERY_STATUS", "ERROR", message);
        String request = org.voarchive.logging.RequestId.current();
        if (request != null) { // what to quote to the operator: the service log has it on every line of the request
            document.info("request_id", request, null);
        }
        document.endResults().end();
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
