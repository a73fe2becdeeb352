package org.voarchive.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bundles the build made (generate-resources, before the tests) and how they are looked up. */
class AssetsTest {

    private final Assets assets = new Assets();

    @Test
    void theBuildBundledThePagesScriptsStylesAndLicences() {
        Assets.Asset script = assets.get("query.js").orElseThrow();
        assertEquals("text/javascript;charset=UTF-8", script.type());
        assertTrue(script.bytes().length > 10_000, "CodeMirror is in the bundle");
        assertTrue(new String(script.bytes(), StandardCharsets.UTF_8).startsWith("/* The VO Archive Server's pages"));
        assertEquals("text/css;charset=UTF-8", assets.get("query.css").orElseThrow().type());
        assertTrue(new String(assets.get("account.js").orElseThrow().bytes(), StandardCharsets.UTF_8).contains("sign-in"));
        String account = new String(assets.get("account.css").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(account.contains("#account-page"), account);
        assertTrue(!account.contains("header.site") && !account.contains("@import"),
            "the shared styles are site.css's alone, which every page loads first: " + account);
        assertTrue(new String(assets.get("site.css").orElseThrow().bytes(), StandardCharsets.UTF_8)
            .contains("header.site nav"), "the header's links");
        String licences = new String(assets.get("licenses.txt").orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(licences.contains("@codemirror/view") && licences.contains("MIT"), licences);
        assertEquals(32, script.etag().length());
        assertEquals(script.etag(), assets.get("query.js").orElseThrow().etag(), "read once, the same tag");
    }

    @Test
    void onlyFlatNamesOfKnownKindsAreLookedUp() {
        for (String name : new String[] {"../Assets.class", "Assets.class", "query.JS", "query.js/", "/query.js",
                "%2e%2e/x.js", "nosuch.js", "", "assets/query.js", "query.html"}) {
            assertTrue(assets.get(name).isEmpty(), name);
        }
        assertTrue(assets.get(null).isEmpty());
    }
}
