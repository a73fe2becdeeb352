package org.voarchive.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-made conversions of {@link ResultField} give exactly what the JDK's general ones give. */
class ResultFieldTest {

    @Test
    void decimalsBecomeTheNearestDouble() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 200_000; n++) {
            long digits = random.nextLong() >> random.nextInt(64);
            int scale = random.nextInt(-5, 30);
            BigDecimal value = new BigDecimal(BigInteger.valueOf(digits), scale);
            assertEquals(value.doubleValue(), ResultField.nearestDouble(value), value.toPlainString());
        }
        for (String s : new String[] {"0", "-0.0", "359.99", "-89.99", "0.1", "123456789012345", "1234567890123456.7",
            "1e400", "-1e-400", "0.000000000000000000000000001",
            "359.99000000000000000000", "-0.01000000000000000000", "12345678901234567.000"}) {
            BigDecimal value = new BigDecimal(s);
            assertEquals(value.doubleValue(), ResultField.nearestDouble(value), s);
        }
    }

    @Test
    void binaryNumericsBecomeTheNearestDouble() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 200_000; n++) {
            BigDecimal value = new BigDecimal(BigInteger.valueOf(random.nextLong() >> random.nextInt(64)), random.nextInt(-12, 24));
            Double decoded = ResultField.binaryNumeric(send(value));
            if (decoded != null) {
                assertEquals(value.doubleValue(), decoded, value.toPlainString());
            }
        }
        assertEquals(359.99, ResultField.binaryNumeric(send(new BigDecimal("359.99000000000000000000"))));
        assertEquals(-0.01, ResultField.binaryNumeric(send(new BigDecimal("-0.01"))));
        assertEquals(0.0, ResultField.binaryNumeric(send(BigDecimal.ZERO)));
        assertEquals(Double.NaN, ResultField.binaryNumeric(new byte[] {0, 0, 0, 0, (byte) 0xC0, 0, 0, 0}));
        assertEquals(null, ResultField.binaryNumeric("359.99".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(null, ResultField.binaryNumeric("-12345678.5".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /** A numeric as PostgreSQL's numeric_send writes it. */
    private static byte[] send(BigDecimal value) {
        BigDecimal abs = value.abs();
        int dscale = Math.max(0, value.scale());
        // base-10000 digits of the integer part and of the fraction, grouped from the decimal point
        String plain = abs.setScale(Math.max(0, abs.scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
        String whole = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fraction = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        whole = "0".repeat((4 - whole.length() % 4) % 4) + whole;
        fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        java.util.List<Integer> groups = new java.util.ArrayList<>();
        for (int i = 0; i < whole.length(); i += 4) {
            groups.add(Integer.parseInt(whole.substring(i, i + 4)));
        }
        int weight = groups.size() - 1;
        for (int i = 0; i < fraction.length(); i += 4) {
            groups.add(Integer.parseInt(fraction.substring(i, i + 4)));
        }
        while (!groups.isEmpty() && groups.get(0) == 0) {
            groups.remove(0);
            weight--;
        }
        while (!groups.isEmpty() && groups.get(groups.size() - 1) == 0) {
            groups.remove(groups.size() - 1);
        }
        if (groups.isEmpty()) {
            weight = 0;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 2 * groups.size());
        b.putShort((short) groups.size()).putShort((short) weight).putShort((short) (value.signum() < 0 ? 0x4000 : 0))
            .putShort((short) dscale);
        groups.forEach(g -> b.putShort((short) (int) g));
        return b.array();
    }

    @Test
    void timestampsAreIso8601AsTheJdkWritesThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 100_000; n++) {
            LocalDateTime t = LocalDateTime.of(random.nextInt(-20_000, 20_000), random.nextInt(1, 13), random.nextInt(1, 29),
                random.nextInt(24), random.nextInt(60), random.nextInt(60),
                switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1000) * 1_000_000;
                    case 2 -> random.nextInt(1_000_000) * 1000;
                    default -> random.nextInt(1_000_000_000);
                });
            assertEquals(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t), ResultField.isoTimestamp(t));
        }
    }
}
