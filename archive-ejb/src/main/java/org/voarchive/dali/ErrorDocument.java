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
        out.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <RESOURCE type="results">
                <INFO name="QUERY_STATUS" value="ERROR">""");
        out.write(Xml.text(message));
        out.write("""
            </INFO>
              </RESOURCE>
            </VOTABLE>
            """);
        out.flush();
    }

    public static String voTable(String message) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            writeVOTable(out, message);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
