package org.voarchive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The counting of a multipart body without Content-Length. The servlet request and response are the
 * least a container gives the filter here (its body, its path; a status, a type and a writer): the
 * whole filter in Payara is InputLimitsIT's.
 */
class BodyLimitsTest {

    private static final long MIB = 1L << 20;

    /** What the container's response was told. */
    private static final class Answer {
        final Map<String, Object> state = new HashMap<>();
        final StringWriter body = new StringWriter();

        HttpServletResponse response() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> state.putIfAbsent("status", args[0]);
                    case "setContentType" -> state.put("type", args[0]);
                    case "getWriter" -> writer;
                    case "flushBuffer" -> {
                        writer.flush();
                        yield state.put("committed", true);
                    }
                    default -> null;
                });
        }
    }

    private static HttpServletRequest request(String path, byte[] body) {
        InputStream bytes = new ByteArrayInputStream(body);
        ServletInputStream in = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return bytes.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(BodyLimitsTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getInputStream" -> in;
                case "getRequestURI" -> path;
                case "getContextPath" -> "";
                case "getMethod" -> "POST";
                default -> null;
            });
    }

    @Test
    void aBodyUpToTheCapIsReadAsItIs() throws IOException {
        Answer answer = new Answer();
        byte[] body = new byte[1000];
        body[999] = 7;
        BodyLimits.Capped capped = new BodyLimits.Capped(request("/tap/sync", body), answer.response(), 1000, "multipart body",
            "at most");
        assertArrayEquals(body, capped.getInputStream().readAllBytes());
        assertFalse(capped.refused());
        assertTrue(answer.state.isEmpty(), answer.state.toString());
    }

    @Test
    void theFirstByteOverTheCapRefusesInTheProtocolsShape() throws IOException {
        Answer answer = new Answer();
        BodyLimits.Capped capped = new BodyLimits.Capped(request("/tap/async", new byte[5000]), answer.response(), 1000,
            "multipart body", "this service accepts at most 1000 bytes in one multipart request");
        InputStream in = capped.getInputStream();
        assertEquals(1000, in.readNBytes(1000).length);
        assertThrows(IOException.class, in::read);
        assertTrue(capped.refused());
        assertEquals(413, answer.state.get("status"));
        assertEquals(true, answer.state.get("committed"));
        assertTrue(answer.state.get("type").toString().startsWith("application/x-votable+xml"), answer.state.toString());
        String refusal = answer.body.toString();
        assertTrue(refusal.contains("QUERY_STATUS") && refusal.contains("more than 1000 bytes"), refusal);
        // reading on, or the resource's own answer to the failed read, changes nothing
        assertThrows(IOException.class, () -> in.read(new byte[10], 0, 10));
        HttpServletResponse quiet = capped.response();
        quiet.setStatus(400);
        quiet.getOutputStream().write("the multipart request could not be read".getBytes());
        quiet.getWriter().write("nor this");
        quiet.sendError(400);
        assertEquals(413, answer.state.get("status"));
        assertEquals(refusal, answer.body.toString());
    }

    @Test
    void elsewhereTheRefusalIsText() throws IOException {
        Answer answer = new Answer();
        BodyLimits.Capped capped = new BodyLimits.Capped(request("/admin/datalink", new byte[20]), answer.response(), 10,
            "multipart body", "at most 10");
        assertThrows(IOException.class, () -> capped.getInputStream().readAllBytes());
        assertEquals("text/plain;charset=UTF-8", answer.state.get("type"));
        assertTrue(answer.body.toString().startsWith("the multipart body has more than 10 bytes"), answer.body.toString());
    }

    @Test
    void personalTablesRefuseInPlainTextAndTheirBodiesAreCapped() throws IOException {
        Answer answer = new Answer();
        BodyLimits.Capped capped = new BodyLimits.Capped(request("/tap/load/user_a.t", new byte[20]), answer.response(), 10,
            "body", "send larger files to /tap/load-jobs");
        assertThrows(IOException.class, () -> capped.getInputStream().readAllBytes());
        assertEquals("text/plain;charset=UTF-8", answer.state.get("type"));
        assertEquals("the body has more than 10 bytes; send larger files to /tap/load-jobs\n", answer.body.toString());
        assertTrue(BodyLimits.tableBody(request("/tap/load/user_a.t", new byte[0])));
        assertTrue(BodyLimits.tableBody(request("/tap/tables/user_a.t", new byte[0])));
        assertFalse(BodyLimits.tableBody(request("/tap/tables", new byte[0])));
        assertFalse(BodyLimits.tableBody(request("/tap/sync", new byte[0])));
    }

    @Test
    void adminRequestsMaySendWhatAnIngestMay() {
        assertEquals(200 * MIB, BodyLimits.multipartCap(200 * MIB, false, 10_240 * MIB, MIB));
        assertEquals(10_241 * MIB, BodyLimits.multipartCap(200 * MIB, true, 10_240 * MIB, MIB));
        assertEquals(20_000 * MIB, BodyLimits.multipartCap(20_000 * MIB, true, 10_240 * MIB, MIB), "never lowered");
        assertEquals(Long.MAX_VALUE, BodyLimits.multipartCap(1, true, Long.MAX_VALUE, MIB));
    }
}
