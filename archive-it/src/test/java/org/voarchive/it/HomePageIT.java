package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("smoke")
class HomePageIT {

    private static final Pattern TABLE_ROW = Pattern.compile("data-table=\"([^\"]+)\" data-rows=\"(-?\\d+)\"");

    @Test
    void rootPageNamesTheServiceLinksItsEndpointsAndCountsTheDemoRows() throws Exception {
        HttpResponse<byte[]> response = Archive.get("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h1>"), html);
        assertTrue(html.contains("/tap/availability\""), html);

        Map<String, Long> rows = new HashMap<>();
        Matcher m = TABLE_ROW.matcher(html);
        while (m.find()) {
            rows.put(m.group(1), Long.parseLong(m.group(2)));
        }
        // the two shipped catalogues, counted by the server through the read-only query role
        assertEquals(9096L, rows.get("demo.bsc5"), html);
        assertEquals(125982L, rows.get("demo.kstars"), html);
    }
}
