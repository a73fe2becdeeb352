package org.voarchive.demo;

import static org.voarchive.table.ColumnDefinition.required;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voarchive.obscore.ObsCoreMapping;
import org.voarchive.obscore.ObsCoreSource;
import org.voarchive.table.CatalogueFormat;
import org.voarchive.table.TableDefinition;

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
            required("field", "text", "What the plate was taken of").with(null, "meta.note").asPrincipal(),
            required("footprint", "spoly", "Outline of the plate on the sky (its four corners), ICRS")
                .with(null, "pos.outline;obs.field")),
        "plate_id", "ra", "dec");

    /** Plates cover this many degrees on each side. */
    public static final double SIZE = 2.0;

    /**
     * The plates in ObsCore: scans (images) with their Datalink links as access_url, the footprint as
     * s_region, the observing date as t_min and t_max (the plates record dates only), exposures in seconds.
     */
    public static ObsCoreMapping obsCore() {
        Map<String, ObsCoreSource> columns = new LinkedHashMap<>();
        columns.put("dataproduct_type", ObsCoreSource.ofValue("image"));
        columns.put("calib_level", ObsCoreSource.ofValue(BigDecimal.ONE)); // scans as digitised, uncalibrated
        columns.put("obs_collection", ObsCoreSource.ofValue("VO Archive demo plates"));
        columns.put("obs_id", ObsCoreSource.ofColumn("plate_id"));
        columns.put("obs_publisher_did", new ObsCoreSource(null, null, null, null, null, "plate_id"));
        columns.put("access_url", ObsCoreSource.ofDatalink("plate_id"));
        columns.put("target_name", ObsCoreSource.ofColumn("field"));
        columns.put("s_ra", ObsCoreSource.ofColumn("ra"));
        columns.put("s_dec", ObsCoreSource.ofColumn("dec"));
        // the square's diagonal bounds it
        columns.put("s_fov", ObsCoreSource.ofValue(BigDecimal.valueOf(SIZE * Math.sqrt(2)).setScale(4, RoundingMode.UP)));
        columns.put("s_region", ObsCoreSource.ofColumn("footprint"));
        columns.put("s_resolution", ObsCoreSource.ofValue(BigDecimal.valueOf(SIZE * 3600 / PlateScans.PIXELS)));
        columns.put("s_xel1", ObsCoreSource.ofValue(BigDecimal.valueOf(PlateScans.PIXELS)));
        columns.put("s_xel2", ObsCoreSource.ofValue(BigDecimal.valueOf(PlateScans.PIXELS)));
        columns.put("t_min", new ObsCoreSource(null, null, null, null, "obs_date", null));
        columns.put("t_max", new ObsCoreSource(null, null, null, null, "obs_date", null));
        columns.put("t_exptime", new ObsCoreSource("exposure", BigDecimal.valueOf(60), null, null, null, null));
        return new ObsCoreMapping("demo", "plates", columns, null);
    }

    @Override
    public TableDefinition table() {
        return TABLE;
    }

    @Override
    public Object[] row(String line, long ordinal) {
        String[] f = line.split("\\|");
        if (f.length != 7) {
            throw new IllegalArgumentException("expected id|ra|dec|date|exposure|emulsion|field");
        }
        double ra = Double.parseDouble(f[1]);
        double dec = Double.parseDouble(f[2]);
        if (ra < 0 || ra >= 360 || dec < -90 || dec > 90) {
            throw new IllegalArgumentException("position out of range: " + ra + ", " + dec);
        }
        return new Object[] {f[0].trim(), ra, dec, java.time.LocalDate.parse(f[3].trim()),
            Float.parseFloat(f[4]), f[5].trim(), f[6].trim(), footprint(ra, dec)};
    }

    /**
     * The plate's outline as pg_sphere reads a polygon (radians): the corners of the {@link #SIZE} square in
     * the tangent plane at the centre (the scans' gnomonic projection, {@link PlateScans}), on the sky.
     */
    static String footprint(double ra, double dec) {
        double half = Math.toRadians(SIZE / 2);
        double d0 = Math.toRadians(dec);
        StringBuilder polygon = new StringBuilder("{");
        double[][] corners = {{-half, -half}, {half, -half}, {half, half}, {-half, half}};
        for (double[] corner : corners) {
            double xi = corner[0];
            double eta = corner[1];
            double denominator = Math.cos(d0) - eta * Math.sin(d0);
            double lon = Math.toRadians(ra) + Math.atan2(xi, denominator);
            double lat = Math.atan2(Math.sin(d0) + eta * Math.cos(d0), Math.hypot(xi, denominator));
            lon = (lon % (2 * Math.PI) + 2 * Math.PI) % (2 * Math.PI);
            polygon.append(polygon.length() > 1 ? "," : "").append('(').append(lon).append(',').append(lat).append(')');
        }
        return polygon.append('}').toString();
    }
}
