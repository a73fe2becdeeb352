package org.voarchive.scs;

import java.util.Optional;
import java.util.OptionalLong;
import org.voarchive.dali.DaliException;
import org.voarchive.dali.DaliParameters;
import org.voarchive.tap.OutputFormat;
import org.voarchive.tap.TapRequest;

/**
 * A Simple Cone Search request (SCS 1.03 section 2, with DALI's MAXREC and
 * RESPONSEFORMAT): RA, DEC and SR in decimal degrees (ICRS), checked before
 * anything runs. Parameters the standard does not name are ignored, as it asks.
 *
 * @param verb            1, 2 or 3 (default 2)
 * @param maxrec          MAXREC as given, or empty for the service's maxRecords
 * @param formatRequested RESPONSEFORMAT as given, or null for the VOTable SCS 1.03 clients expect
 */
public record ConeRequest(double ra, double dec, double sr, int verb, OptionalLong maxrec, OutputFormat format,
                          String formatRequested) {

    /** SCS 1.03's MIME type of the response, kept for its clients. */
    public static final String SCS_VOTABLE_TYPE = "text/xml;content=x-votable";

    public static ConeRequest parse(DaliParameters p) throws DaliException {
        double ra = degrees(p, "RA", 0, 360);
        double dec = degrees(p, "DEC", -90, 90);
        double sr = degrees(p, "SR", 0, 180);
        int verb = verb(p.single("VERB"));
        Optional<String> requested = p.single("RESPONSEFORMAT").filter(s -> !s.isBlank());
        OutputFormat format = requested.isEmpty() ? OutputFormat.VOTABLE_TABLEDATA
            : OutputFormat.forName(requested.get()).orElseThrow(() -> DaliException.badRequest("RESPONSEFORMAT="
                + requested.get() + " is not supported; use one of votable, votable/b, votable/td, csv, tsv, fits, json"
                + " or their MIME types"));
        return new ConeRequest(ra, dec, sr, verb, TapRequest.maxrec(p), format,
            requested.orElse(SCS_VOTABLE_TYPE));
    }

    /** MAXREC=0 or SR=0: the service metadata only (SCS 1.03 section 2, DALI 1.1 section 3.2.4). */
    public boolean metadataOnly() {
        return sr == 0 || (maxrec.isPresent() && maxrec.getAsLong() == 0);
    }

    private static double degrees(DaliParameters p, String name, double min, double max) throws DaliException {
        String value = p.single(name).filter(s -> !s.isBlank()).orElseThrow(() -> DaliException.badRequest(name
            + " is missing: a cone search needs RA, DEC and SR in decimal degrees (ICRS)"));
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw DaliException.badRequest(name + " must be a number of decimal degrees, not '" + value + "'");
        }
        if (!(d >= min && d <= max)) { // also NaN
            throw DaliException.badRequest(name + "=" + value + " is out of range: it must be within [" + (int) min
                + ", " + (int) max + "] degrees");
        }
        return d;
    }

    private static int verb(Optional<String> value) throws DaliException {
        if (value.isEmpty() || value.get().isBlank()) {
            return 2;
        }
        return switch (value.get().trim()) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            default -> throw DaliException.badRequest("VERB must be 1, 2 or 3, not '" + value.get() + "'");
        };
    }
}
