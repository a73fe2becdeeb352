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
        }
        return new LinksRequest(ids, format, requested.orElse(null));
    }
}
