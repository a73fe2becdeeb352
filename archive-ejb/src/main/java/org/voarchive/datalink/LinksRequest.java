package org.voarchive.datalink;

import java.util.List;
import java.util.Optional;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;

/**
 * A {links} request (DataLink 1.1 section 3.1): any number of ID values
 * (none gives an empty table) and RESPONSEFORMAT. Refusals carry DataLink's
 * fault names.
 *
 * @param formatRequested RESPONSEFORMAT as given, or null
 */
public record LinksRequest(List<String> ids, LinksFormat format, String formatRequested) {

    public LinksRequest {
        ids = List.copyOf(ids);
    }

    public static LinksRequest parse(DaliParameters p) throws DaliException {
        Optional<String> requested = p.single("RESPONSEFORMAT").filter(s -> !s.isBlank());
        LinksFormat format = LinksFormat.forName(requested.orElse(null)).orElseThrow(() -> DaliException.badRequest(
            "UsageFault: RESPONSEFORMAT=" + requested.get() + " is not supported; use votable (TABLEDATA, the default),"
                + " votable/b2 or json"));
        List<String> ids = p.all("ID");
        for (String id : ids) {
            if (id.isBlank()) {
                throw DaliException.badRequest("UsageFault: an ID parameter is empty");
            }
            int bad = unrepresentable(id);
            if (bad >= 0) {
                // no ID here has one, and the response could not echo it (XML 1.0 has no such character):
                // an invalid value (DataLink 1.1 section 3.4's UsageFault), not a row the table cannot hold
                throw DaliException.badRequest(String.format("UsageFault: an ID contains the character U+%04X, which no"
                    + " identifier can contain", bad));
            }
        }
        return new LinksRequest(ids, format, requested.orElse(null));
    }

    /** The first character XML 1.0 cannot carry (controls but tab, CR, LF; lone surrogates; U+FFFE/F), or -1. */
    static int unrepresentable(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }
}
