package org.voarchive.demo;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Renders a demo plate's scan (a FITS image, 16-bit, with a gnomonic WCS) and
 * preview (PNG) from the catalogue stars in its field: each star a Gaussian
 * spot whose height follows its V magnitude, on a faint sky.
 */
public final class PlateScans {

    static final int PIXELS = 256;

    private final Connection connection;

    public PlateScans(Connection connection) {
        this.connection = connection;
    }

    /** Writes {@code <id>.fits} and {@code <id>.png} into {@code dir}. */
    public void render(String id, double ra0, double dec0, String date, Path dir) throws SQLException, IOException {
        double[][] image = new double[PIXELS][PIXELS];
        double scale = DemoPlates.SIZE / PIXELS; // degrees per pixel
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT ra, dec, vmag FROM demo.kstars
                 WHERE spoint(radians(ra), radians(dec)) @ scircle(spoint(radians(?), radians(?)), radians(?))""")) {
            s.setDouble(1, ra0);
            s.setDouble(2, dec0);
            s.setDouble(3, DemoPlates.SIZE * 0.75);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double[] xy = project(rs.getDouble("ra"), rs.getDouble("dec"), ra0, dec0);
                    if (xy != null) {
                        spot(image, PIXELS / 2.0 + xy[0] / scale, PIXELS / 2.0 + xy[1] / scale, rs.getDouble("vmag"));
                    }
                }
            }
        }
        Files.createDirectories(dir);
        writeFits(dir.resolve(id + ".fits"), image, id, ra0, dec0, scale, date);
        writePng(dir.resolve(id + ".png"), image);
    }

    /** Gnomonic (TAN) projection in degrees, x growing with RA (east left as on the sky, y north); null behind. */
    static double[] project(double ra, double dec, double ra0, double dec0) {
        double a = Math.toRadians(ra - ra0);
        double d = Math.toRadians(dec);
        double d0 = Math.toRadians(dec0);
        double cos = Math.sin(d) * Math.sin(d0) + Math.cos(d) * Math.cos(d0) * Math.cos(a);
        if (cos <= 0) {
            return null;
        }
        double x = Math.cos(d) * Math.sin(a) / cos;
        double y = (Math.sin(d) * Math.cos(d0) - Math.cos(d) * Math.sin(d0) * Math.cos(a)) / cos;
        return new double[] {-Math.toDegrees(x), Math.toDegrees(y)};
    }

    private static void spot(double[][] image, double cx, double cy, double vmag) {
        double peak = 30000 * Math.pow(10, -0.4 * (vmag - 2)) + 200;
        double sigma = 0.8 + Math.max(0, 9 - vmag) * 0.25;
        int r = (int) Math.ceil(4 * sigma);
        for (int y = (int) cy - r; y <= (int) cy + r; y++) {
            for (int x = (int) cx - r; x <= (int) cx + r; x++) {
                if (x >= 0 && y >= 0 && x < PIXELS && y < PIXELS) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    image[y][x] += peak * Math.exp(-d2 / (2 * sigma * sigma));
                }
            }
        }
    }

    private static void writeFits(Path file, double[][] image, String id, double ra0, double dec0, double scale,
                                  String date) throws IOException {
        StringBuilder header = new StringBuilder();
        card(header, "SIMPLE", "T");
        card(header, "BITPIX", "16");
        card(header, "NAXIS", "2");
        card(header, "NAXIS1", Integer.toString(PIXELS));
        card(header, "NAXIS2", Integer.toString(PIXELS));
        card(header, "BZERO", "32768");
        card(header, "BSCALE", "1");
        card(header, "OBJECT", "'" + id + "'");
        card(header, "DATE-OBS", "'" + date + "'");
        card(header, "CTYPE1", "'RA---TAN'");
        card(header, "CTYPE2", "'DEC--TAN'");
        card(header, "CRPIX1", String.format(Locale.ROOT, "%.1f", PIXELS / 2.0 + 0.5));
        card(header, "CRPIX2", String.format(Locale.ROOT, "%.1f", PIXELS / 2.0 + 0.5));
        card(header, "CRVAL1", String.format(Locale.ROOT, "%.6f", ra0));
        card(header, "CRVAL2", String.format(Locale.ROOT, "%.6f", dec0));
        card(header, "CDELT1", String.format(Locale.ROOT, "%.8f", -scale));
        card(header, "CDELT2", String.format(Locale.ROOT, "%.8f", scale));
        card(header, "RADESYS", "'ICRS'");
        card(header, "COMMENT", null);
        header.append(String.format("%-80s", "END"));
        while (header.length() % 2880 != 0) {
            header.append(' ');
        }
        try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(
                new java.io.BufferedOutputStream(raw))) {
            out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            for (double[] row : image) { // FITS rows run from the bottom up, as the y axis does here
                for (double v : row) {
                    out.writeShort((int) (Math.min(65535, v + 400) - 32768)); // unsigned via BZERO
                }
            }
            int data = PIXELS * PIXELS * 2;
            out.write(new byte[(2880 - data % 2880) % 2880]);
        }
    }

    private static void card(StringBuilder header, String key, String value) {
        String card = value == null ? String.format("%-8s Demonstration plate rendered from the KStars catalogue", key)
            : String.format("%-8s= %20s", key, value);
        header.append(String.format("%-80s", card));
    }

    private static void writePng(Path file, double[][] image) throws IOException {
        BufferedImage png = new BufferedImage(PIXELS, PIXELS, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < PIXELS; y++) {
            for (int x = 0; x < PIXELS; x++) {
                double v = Math.log1p(image[y][x] / 50) / Math.log1p(30000.0 / 50); // a stretch that shows faint stars
                int g = 255 - (int) Math.min(255, Math.max(0, v * 255)); // a negative, as plates are
                png.getRaster().setSample(x, PIXELS - 1 - y, 0, g);
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }
}
