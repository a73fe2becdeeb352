package org.voarchive.site;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Content-Security-Policy of the archive's pages (home, landing pages, the portal's): scripts, styles,
 * connections and images from the archive itself only, no inline script at all, no plugins, no framing, no
 * base or form target elsewhere. The exceptions, each for the one page that needs it:
 * <ul>
 * <li>the query page's per-response nonce for styles: CodeMirror writes its themes as style elements where a
 * browser lacks constructable style sheets, and takes this nonce for them. Its lint underline is a data: SVG,
 * hence {@code img-src data:} (also the pages' empty icon, {@code <link rel="icon" href="data:,">});</li>
 * <li>the Jobs page's connection to a SAMP hub on the reader's own machine ({@link #SAMP_HUB}): its "Open in
 * TOPCAT" calls the hub's Web Profile, which listens there and nowhere else. Nothing of the page goes there but
 * the result's address, and only when the reader asks.</li>
 * </ul>
 *
 * @param nonce          fresh for every response, never reused; null for pages without inline styles
 * @param sampHub whether the page may call a SAMP Web Profile hub
 */
public record PagePolicy(String nonce, boolean sampHub) {

    /** Where a SAMP Web Profile hub listens (SAMP 1.3 section 5.2.1), on the machine of the reader's browser. */
    public static final String SAMP_HUB = "http://localhost:21012";

    /** The policy of pages without any inline script or style. */
    public static final PagePolicy NO_INLINE = new PagePolicy(null, false);

    /** The policy of the Jobs page: no inline script or style, and results may go to a SAMP hub. */
    public static final PagePolicy NO_INLINE_SAMP = new PagePolicy(null, true);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A policy with a nonce (or none) and no connection but to the archive. */
    public PagePolicy(String nonce) {
        this(nonce, false);
    }

    /** With a fresh nonce for style elements. */
    public static PagePolicy fresh() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return new PagePolicy(Base64.getEncoder().encodeToString(bytes));
    }

    /** The header's value. */
    public String header() {
        return "default-src 'none'; script-src 'self'; style-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'")
            + "; connect-src 'self'" + (sampHub ? " " + SAMP_HUB : "")
            + "; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
