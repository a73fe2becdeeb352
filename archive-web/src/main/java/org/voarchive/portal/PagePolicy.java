package org.voarchive.portal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Content-Security-Policy of a portal page: scripts, styles, connections and images from the archive
 * itself only, no inline script at all, no plugins, no framing, no base or form target elsewhere. The one
 * exception is a per-response nonce for styles: CodeMirror writes its themes as style elements where a
 * browser lacks constructable style sheets, and takes this nonce for them. Its lint underline is a data: SVG,
 * hence {@code img-src data:}.
 *
 * @param nonce fresh for every response, never reused
 */
record PagePolicy(String nonce) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static PagePolicy fresh() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return new PagePolicy(Base64.getEncoder().encodeToString(bytes));
    }

    /** The header's value. */
    String header() {
        return "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-" + nonce + "'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
