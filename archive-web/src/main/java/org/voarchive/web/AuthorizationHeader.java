package org.voarchive.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an Authorization header carries: HTTP Basic (RFC 7617: a user name and a password, which may be a
 * personal token) or a Bearer token (RFC 6750). Anything else is no credentials the archive knows.
 */
sealed interface AuthorizationHeader {

    /** A user name and password from "Basic" base64(user ":" password), UTF-8. */
    record Basic(String user, char[] password) implements AuthorizationHeader {
    }

    /** "Bearer" b64token (RFC 6750 section 2.1). */
    record Bearer(String token) implements AuthorizationHeader {
    }

    Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    /** The credentials of the header; empty for anything that is neither of the two schemes, well formed. */
    static Optional<AuthorizationHeader> parse(String header) {
        String h = header.strip();
        if (h.length() > 7 && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = h.substring(7).strip();
            return B64TOKEN.matcher(token).matches() ? Optional.of(new Bearer(token)) : Optional.empty();
        }
        if (h.length() < 6 || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(h.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        char[] all = new char[chars.remaining()];
        chars.get(all);
        int colon = 0;
        while (colon < all.length && all[colon] != ':') { // the first colon: passwords may hold colons, names not
            colon++;
        }
        if (colon == 0 || colon == all.length) {
            Arrays.fill(all, '\0');
            return Optional.empty();
        }
        Basic c = new Basic(new String(all, 0, colon), Arrays.copyOfRange(all, colon + 1, all.length));
        Arrays.fill(all, '\0');
        return Optional.of(c);
    }
}
