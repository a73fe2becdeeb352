package org.voarchive.oai;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stateless resumption token (OAI-PMH 2.0 section 3.5): the list's arguments
 * and the last record delivered (datestamp and ID), so that the next page
 * starts right after it whatever changed meanwhile, and repeating a token
 * gives the same page again (idempotent). The list's size, counted for its
 * first page, travels along: OAI-PMH 2.0 section 3.5.1 lets completeListSize
 * be an estimate, and counting the whole repository again for every page
 * would cost more than the page. Tokens are signed (HMAC-SHA256 under a key
 * derived from a server secret), so tampered or forged ones are refused whole.
 *
 * @param set   null for all sets
 * @param from  null for no bound
 * @param until null for no bound
 */
public record ResumptionToken(String metadataPrefix, String set, Instant from, Instant until, OaiItem last, long cursor,
                              long completeListSize) {

    private static final String VERSION = "2";
    private static final String MAC = "HmacSHA256";

    /**
     * The token: its fields, then an HMAC of them under the repository's key, so that a token is
     * either one this repository issued or refused as badResumptionToken, never half-read.
     */
    public String encode(Key key) {
        String plain = String.join("\n", VERSION, metadataPrefix, text(set), text(from), text(until),
            Long.toString(last.datestamp().getEpochSecond()), last.id(), Long.toString(cursor), Long.toString(completeListSize));
        return sign(plain, key);
    }

    static String sign(String plain, Key key) {
        byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(bytes) + "." + b64.encodeToString(key.mac(bytes));
    }

    /** @throws OaiException badResumptionToken for anything but an intact token of this repository's key */
    public static ResumptionToken decode(String token, Key key) throws OaiException {
        try {
            int dot = token.indexOf('.');
            if (dot < 0 || token.length() > 8192) {
                throw new IllegalArgumentException("no signature");
            }
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, key.mac(bytes))) {
                throw new IllegalArgumentException("signature does not match");
            }
            String[] f = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            if (f.length != 9 || !f[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown layout");
            }
            long cursor = Long.parseLong(f[7]);
            long size = Long.parseLong(f[8]);
            if (cursor < 0 || size < 0 || f[1].isEmpty() || f[6].isEmpty()) {
                throw new IllegalArgumentException("out of range");
            }
            return new ResumptionToken(f[1], f[2].isEmpty() ? null : f[2], instant(f[3]), instant(f[4]),
                new OaiItem(f[6], null, Instant.ofEpochSecond(Long.parseLong(f[5])), false), cursor, size);
        } catch (RuntimeException e) { // base64, numbers, dates (DateTimeException), anything a forged token trips on
            throw new OaiException("badResumptionToken", "the resumptionToken is not one this repository issued");
        }
    }

    /** The repository's key for signing tokens: stable across restarts and the same on every node. */
    public static final class Key {
        private final SecretKeySpec spec;

        /** @param secret a server secret; the key is derived from it, so the secret itself never signs anything */
        public Key(String secret) {
            try {
                Mac derive = Mac.getInstance(MAC);
                derive.init(new SecretKeySpec(("voarchive " + secret).getBytes(StandardCharsets.UTF_8), MAC));
                spec = new SecretKeySpec(derive.doFinal("OAI-PMH resumptionToken v2".getBytes(StandardCharsets.UTF_8)), MAC);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no " + MAC + " in this Java", e);
            }
        }

        byte[] mac(byte[] data) {
            try {
                Mac mac = Mac.getInstance(MAC);
                mac.init(spec);
                return mac.doFinal(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no " + MAC + " in this Java", e);
            }
        }
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static Instant instant(String s) {
        return s.isEmpty() ? null : Instant.parse(s);
    }
}
