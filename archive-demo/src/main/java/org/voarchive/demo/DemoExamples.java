package org.voarchive.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.voarchive.curation.ExampleAdmin;
import org.voarchive.metadata.ExampleCheck;
import org.voarchive.metadata.ExampleRecord;
import org.voarchive.metadata.PublishedMetadata;

/**
 * The DALI examples of the demo tables (/tap/examples): a cone search, a
 * cross-match with an upload, the plates whose DOIs Datalink gives, and an
 * aggregate. Stored like an operator's (archive.examples), so each is checked
 * against the published metadata first, as the admin API would.
 */
final class DemoExamples {

    static final List<ExampleRecord> ALL = List.of(
        new ExampleRecord("pleiades-cone", "Bright stars within 2 degrees of the Pleiades",
            "A cone search in ADQL: the stars of the Yale Bright Star Catalogue whose position lies in a circle of"
                + " radius 2 degrees around the Pleiades (RA 56.75, Dec 24.12), brightest first.",
            """
                SELECT hr, name, ra, dec, vmag
                  FROM demo.bsc5
                 WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 56.75, 24.12, 2))
                 ORDER BY vmag""", List.of("demo.bsc5"), null, 10, null),
        new ExampleRecord("upload-crossmatch", "Cross-match your own positions with the KStars catalogue",
            "Upload a table of positions (columns ra and dec, in degrees, ICRS) as TAP_UPLOAD.mine"
                + " (UPLOAD=mine,param:file with the file in a multipart request, or mine,https://... for one on the web)"
                + " and get every KStars star within 36 arcseconds of each, with the separation in arcseconds.",
            """
                SELECT u.ra AS my_ra, u.dec AS my_dec, k.star_id, k.common_name, k.vmag,
                       DISTANCE(POINT('ICRS', u.ra, u.dec), POINT('ICRS', k.ra, k.dec)) * 3600 AS separation
                  FROM TAP_UPLOAD.mine AS u
                  JOIN demo.kstars AS k
                    ON 1 = CONTAINS(POINT('ICRS', k.ra, k.dec), CIRCLE('ICRS', u.ra, u.dec, 0.01))""",
            List.of("demo.kstars"), "mine(ra double, dec double)", 20, null),
        new ExampleRecord("plate-dois", "Plates of the Pleiades and their DOIs",
            "The demonstration plates taken of the Pleiades. plate_id is each plate's Datalink ID: the result links it"
                + " to the service's {links} endpoint (a DataLink service descriptor), whose row with semantics #doi"
                + " gives the plate's DOI, beside its scan (#this) and preview (#preview).",
            """
                SELECT plate_id, obs_date, exposure, emulsion, ra, dec
                  FROM demo.plates
                 WHERE field = 'Pleiades'
                 ORDER BY obs_date""", List.of("demo.plates"), null, 30, null),
        new ExampleRecord("spectral-types", "Stars per spectral type and multiplicity",
            "An aggregate: how many KStars stars there are for each spectral type and multiplicity, with their mean"
                + " colour index and the magnitude of the brightest, for the types with more than 100 stars.",
            """
                SELECT sptype, multiple, COUNT(*) AS stars, AVG(b_v) AS mean_b_v, MIN(vmag) AS brightest
                  FROM demo.kstars
                 GROUP BY sptype, multiple
                HAVING COUNT(*) > 100
                 ORDER BY stars DESC""", List.of("demo.kstars"), null, 40, null));

    private DemoExamples() {
    }

    /** Checks and stores the demo examples, replacing those of the same names; returns how many. */
    static int store(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit(); // the tables just registered: reading the metadata ends its own transaction with a rollback
        }
        PublishedMetadata metadata = PublishedMetadata.load(c);
        for (ExampleRecord example : ALL) {
            ExampleRecord e;
            try {
                e = ExampleCheck.check(example.name(), example, metadata);
            } catch (org.voarchive.metadata.InvalidField x) {
                throw new IllegalStateException("demo example " + example.name() + ": " + x.field() + ": " + x.getMessage());
            }
            ExampleAdmin.store(c, e, true);
        }
        return ALL.size();
    }
}
