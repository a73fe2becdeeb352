package org.voarchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every request has an id: in its response header, its error document and its line in the server log. */
@Tag("smoke")
class RequestLogIT {

    private static HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Archive.baseUrl() + path)).GET();
        if (requestId != null) {
            b.header("X-Request-ID", requestId);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestsIdIsInItsAnswerItsErrorDocumentAndTheLog() throws Exception {
        String id = "it-" + System.nanoTime();
        HttpResponse<String> r = get("/tap/sync?LANG=ADQL&QUERY=SELEC", id);
        assertEquals(400, r.statusCode());
        assertEquals(id, r.headers().firstValue("X-Request-ID").orElse(null), "a client's (or proxy's) id is kept");
        assertTrue(r.body().contains("<INFO name=\"request_id\" value=\"" + id + "\"/>"), r.body());

        HttpResponse<String> mine = get("/tap/availability", "not a token; <script>");
        String given = mine.headers().firstValue("X-Request-ID").orElseThrow();
        assertNotEquals("not a token; <script>", given);
        assertTrue(given.matches("r-[0-9a-f]{12}"), given);

        if (System.getenv("ARCHIVE_IT_SERVER_LOG") != null) { // deploy/test names the server log of the runtime under test
            Path log = Archive.handedFile("ARCHIVE_IT_SERVER_LOG");
            String line = "request=" + id + " GET /tap/sync status=400 ";
            long deadline = System.currentTimeMillis() + 5000;
            while (!Files.readString(log).contains(line) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(log).contains(line), "no line '" + line + "' in " + log);
        }
    }
}
