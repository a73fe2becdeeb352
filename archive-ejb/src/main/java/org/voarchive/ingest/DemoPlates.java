package org.voarchive.ingest;

import static org.voarchive.ingest.ColumnDefinition.required;

import java.util.List;
import java.util.Optional;

/**
 * The demonstration plate archive ({@code demo.plates}): fictitious plates
 * over real star fields, one line each in {@code demo-plates.txt}
 * ({@code id|ra|dec|date|exposure|emulsion|field}). Their scans and previews
 * are rendered from the KStars catalogue by {@link PlateScans}.
 */
public final class DemoPlates implements CatalogueFormat {

    /** The classpath resource with the plates. */
    public static final String RESOURCE = "demo-plates.txt";

    private static final TableDefinition TABLE = new TableDefinition("demo", "plates",
        "Demonstration plate archive: fictitious photographic plates of 2 x 2 degrees over real star fields;"
            + " the scans (FITS) and previews (PNG) are rendered from the KStars catalogue. Datalink (ID = plate_id)"
            + " gives each plate's scan, preview and test DOI.",
        List.of(
            required("plate_id", "text", "Plate identifier, also its Datalink ID").with(null, "meta.id;meta.main")
                .asPrincipal(),
            required("ra", "double precision", "Right ascension of the plate centre, ICRS, in degrees")
                .with("deg", "pos.eq.ra;meta.main").asPrincipal(),
            required("dec", "double precision", "Declination of the plate centre, ICRS, in degrees")
                .with("deg", "pos.eq.dec;meta.main").asPrincipal(),
            required("obs_date", "date", "Date of the exposure").with(null, "time.epoch").asPrincipal(),
            required("exposure", "real", "Exposure time, in minutes").with("min", "time.duration;obs.exposure"),
            required("emulsion", "text", "Photographic emulsion").with(null, "instr.setup"),
            required("field", "text", "What the plate was taken of").with(null, "meta.note").asPrincipal()),
        "plate_id", "ra", "dec");

    /** Plates cover this many degrees on each side. */
    public static final double SIZE = 2.0;

    @Override
    public TableDefinition table() {
        return TABLE;
    }

    @Override
    public Optional<Object[]> parse(String line, long ordinal) {
        if (line.isBlank() || line.startsWith("#")) {
            return Optional.empty();
        }
        String[] f = line.split("\\|");
        if (f.length != 7) {
            throw new IllegalArgumentException("expected id|ra|dec|date|exposure|emulsion|field");
        }
        double ra = Double.parseDouble(f[1]);
        double dec = Double.parseDouble(f[2]);
        if (ra < 0 || ra >= 360 || dec < -90 || dec > 90) {
            throw new IllegalArgumentException("position out of range: " + ra + ", " + dec);
        }
        return Optional.of(new Object[] {f[0].trim(), ra, dec, java.time.LocalDate.parse(f[3].trim()),
            Float.parseFloat(f[4]), f[5].trim(), f[6].trim()});
    }
}
