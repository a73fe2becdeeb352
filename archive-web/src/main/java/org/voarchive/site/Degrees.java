package org.voarchive.site;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Angles as the pages write them for people to read and copy (cone search positions and radii). */
public final class Degrees {

    private Degrees() {
    }

    /** Decimal degrees to a micro-degree, without the binary fraction's noise: 101.2875, not 101.28750000000001. */
    public static String text(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
