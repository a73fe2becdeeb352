package org.voarchive.site;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Content-Security-Policy of the archive's pages (home, landing pages, the portal's): scripts, styles,
 * connections and images from the archive itself only, no inline script at all, no plugins, no framing, no
 * base or form target elsewhere. The one exception is the query page's per-response nonce for styles:
 * CodeMirror writes its themes as style elements where a browser lacks constructable style sheets, and takes
 * this nonce for them. Its lint underline is a data: SVG, hence {@code img-src data:} (also the pages' empty
 * icon, {@code <link rel="icon" href="data:,">}).
 *
 * @param nonce fresh for every response, never reused; null for pages without inline styles
 */
public record PagePolicy(String nonce) {

    /** The policy of pages without any inline script or style. */
    public static final PagePolicy NO_INLINE = new PagePolicy(null);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** With a fresh nonce for style elements. */
    public static PagePolicy fresh() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return new PagePolicy(Base64.getEncoder().encodeToString(bytes));
    }

    /** The header's value. */
    public String header() {
        return "default-src 'none'; script-src 'self'; style-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'")
            + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
