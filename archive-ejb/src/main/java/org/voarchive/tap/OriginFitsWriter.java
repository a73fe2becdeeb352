package org.voarchive.tap;

import java.util.ArrayList;
import java.util.List;
import org.voarchive.dali.DataOrigin;
import uk.ac.starlink.fits.CardImage;
import uk.ac.starlink.fits.FitsTableWriter;

/**
 * STIL's FITS writer with one request's Data Origin items as header cards of the table HDU, after STIL's
 * own metadata cards ({@link DataOrigin#fitsCards}). One per result, as the cards are the result's.
 */
final class OriginFitsWriter extends FitsTableWriter {

    private final DataOrigin origin;

    OriginFitsWriter(DataOrigin origin) {
        this.origin = origin;
    }

    @Override
    protected List<CardImage> getMetadataCards() {
        List<CardImage> cards = new ArrayList<>(super.getMetadataCards());
        cards.addAll(origin.fitsCards());
        return cards;
    }
}
