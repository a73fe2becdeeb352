package org.voarchive.demo;

import static org.voarchive.table.ColumnDefinition.optional;
import static org.voarchive.table.ColumnDefinition.required;

import java.util.List;
import org.voarchive.table.CatalogueFormat;
import org.voarchive.table.TableDefinition;

/**
 * The Yale Bright Star Catalogue, 5th revised edition, in the column subset
 * xplanet ships: Dec (deg), RA (hours), V, quoted name, HR, HD, SAO.
 */
public final class BrightStarCatalogue implements CatalogueFormat {

    private static final TableDefinition TABLE = new TableDefinition("demo", "bsc5",
        "Yale Bright Star Catalogue, 5th revised edition (Hoffleit & Warren 1991): "
            + "the 9096 stars of the BSC5 with positions, V magnitudes and cross-identifications.",
        List.of(
            required("hr", "integer", "Harvard Revised (Bright Star) number").with(null, "meta.id;meta.main").asPrincipal(),
            optional("name", "text", "Flamsteed number, Bayer letter and constellation, e.g. '9Alp CMa'")
                .with(null, "meta.id").asPrincipal(),
            required("ra", "double precision", "Right ascension, ICRS (J2000), in degrees")
                .with("deg", "pos.eq.ra;meta.main").asPrincipal(),
            required("dec", "double precision", "Declination, ICRS (J2000), in degrees")
                .with("deg", "pos.eq.dec;meta.main").asPrincipal(),
            required("vmag", "real", "Visual magnitude V, in mag").with("mag", "phot.mag;em.opt.V").asPrincipal(),
            required("hd", "integer", "Henry Draper Catalogue number").with(null, "meta.id.cross"),
            optional("sao", "integer", "SAO Star Catalog number (NULL where the star has none)").with(null, "meta.id.cross")),
        "hr", "ra", "dec");

    @Override
    public TableDefinition table() {
        return TABLE;
    }

    @Override
    public Object[] row(String line, long ordinal) {
        int open = line.indexOf('"');
        int close = line.indexOf('"', open + 1);
        if (open < 0 || close < 0) {
            throw new IllegalArgumentException("expected a quoted star name");
        }
        String[] position = line.substring(0, open).trim().split("\\s+");
        String[] ids = line.substring(close + 1).trim().split("\\s+");
        if (position.length != 3 || ids.length != 3) {
            throw new IllegalArgumentException("expected Dec RA Mag \"Name\" BSN HD SAO");
        }
        double dec = Double.parseDouble(position[0]);
        double raHours = Double.parseDouble(position[1]);
        if (dec < -90 || dec > 90 || raHours < 0 || raHours >= 24) {
            throw new IllegalArgumentException("position out of range: RA " + raHours + " h, Dec " + dec);
        }
        String name = line.substring(open + 1, close).trim();
        int sao = Integer.parseInt(ids[2]);
        return new Object[] {
            Integer.parseInt(ids[0]),
            name.isEmpty() ? null : name,
            raHours * 15,
            dec,
            Float.parseFloat(position[2]),
            Integer.parseInt(ids[1]),
            sao == 0 ? null : sao};
    }
}
