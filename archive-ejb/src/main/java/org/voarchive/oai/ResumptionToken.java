package org.voarchive.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A stateless resumption token (OAI-PMH 2.0 section 3.5): the list's arguments
 * and the last record delivered (datestamp and ID), so that the next page
 * starts right after it whatever changed meanwhile, and repeating a token
 * gives the same page again (idempotent). The list's size, counted for its
 * first page, travels along: OAI-PMH 2.0 section 3.5.1 lets completeListSize
 * be an estimate, and counting the whole repository again for every page
 * would cost more than the page.
 *
 * @param set   null for all sets
 * @param from  null for no bound
 * @param until null for no bound
 */
public record ResumptionToken(String metadataPrefix, String set, Instant from, Instant until, OaiItem last, long cursor,
                              long completeListSize) {

    private static final String VERSION = "2";

    public String encode() {
        String plain = String.join("\n", VERSION, metadataPrefix, text(set), text(from), text(until),
            Long.toString(last.datestamp().getEpochSecond()), last.id(), Long.toString(cursor), Long.toString(completeListSize));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static ResumptionToken decode(String token) throws OaiException {
        try {
            String[] f = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (f.length != 9 || !f[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown layout");
            }
            return new ResumptionToken(f[1], f[2].isEmpty() ? null : f[2], instant(f[3]), instant(f[4]),
                new OaiItem(f[6], null, Instant.ofEpochSecond(Long.parseLong(f[5])), false), Long.parseLong(f[7]),
                Long.parseLong(f[8]));
        } catch (IllegalArgumentException e) {
            throw new OaiException("badResumptionToken", "the resumptionToken is not one this repository issued");
        }
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Instant instant(String s) {
        return s.isEmpty() ? null : Instant.parse(s);
    }
}
