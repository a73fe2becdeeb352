package org.voarchive.tap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.voarchive.dali.DataOrigin;
import uk.ac.starlink.fits.CardImage;
import uk.ac.starlink.fits.FitsTableSerializer;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.StarTable;

/**
 * STIL's FITS writer with one request's Data Origin items as header cards of the table HDU, after STIL's
 * own metadata cards ({@link DataOrigin#fitsCards}). One per result, as the cards are the result's. A result
 * spooled in FITS's row form ({@link SpooledRows}) gets STIL's header and has its rows written from the spool.
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

    @Override
    public FitsTableSerializer createSerializer(StarTable table) throws IOException {
        FitsTableSerializer stil = super.createSerializer(table);
        return table instanceof SpooledRows spooled ? spooled.serializer(stil) : stil;
    }
}
