package org.voarchive.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.voarchive.tap.TapLimits;

/**
 * The caps on request bodies as a whole, the one filter that owns them; each body is refused with a 413 in
 * the protocol's error shape ({@link Refusals}) before it is read whole.
 * <ul>
 * <li>Form-encoded bodies ({@code application/x-www-form-urlencoded}): JAX-RS reads a form whole into
 * memory, and nothing else limits it (a 3.5 MB TAP query was read, parsed and checked). A body without
 * Content-Length is read up to the cap and handed on from memory. The default leaves room for the longest
 * QUERY ({@code archive.tap.query.max-length}) even fully percent-encoded.</li>
 * <li>Multipart bodies ({@code multipart/*}): the upload limits count the uploads a request stores, but the
 * multipart reader buffers every part, parameters and unnamed ones included, to memory and temporary files
 * first. A declared Content-Length over the cap is refused at once; a chunked body is counted while it is
 * read and refused at the first byte over the cap. The default is twice the upload limit of a request
 * ({@code archive.tap.upload.max-bytes}), room for every upload at its limit with the parameters, part
 * headers and a client's base64. For a caller in role admin (authenticated before any filter runs) the cap
 * is at least the ingest limit ({@code archive.ingest.max-bytes}) plus the form cap, so an ingest the admin
 * API accepts is not refused here. The role decides, not the path: a raw path that starts with /admin/ may
 * be normalised to another one ({@code /admin/%2e%2e/tap/sync}).</li>
 * <li>Raw table bodies of personal tables ({@code POST /tap/load/{table}}, {@code PUT} and {@code POST
 * /tap/tables/{table}}): streamed into the table, never held whole, but a load is one transaction, so its size
 * is capped ({@code archive.usertables.load.max-bytes}): a declared Content-Length over it is refused at once, a
 * chunked body at the first byte over it; larger files go through the load jobs ({@code /tap/load-jobs}), whose
 * multipart bodies may have {@code archive.usertables.load-job.max-bytes}.</li>
 * </ul>
 * Other bodies (JSON of the admin API) are read by their resources with their own limits.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BodyLimits extends HttpFilter {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/";

    @Inject
    @ConfigProperty(name = "archive.http.form.max-bytes", defaultValue = "1048576")
    long maxBytes;

    /** Unset: twice archive.tap.upload.max-bytes. */
    @Inject
    @ConfigProperty(name = "archive.http.multipart.max-bytes")
    Optional<Long> multipartMaxBytes;

    @Inject
    @ConfigProperty(name = "archive.ingest.max-bytes", defaultValue = "10737418240") // IngestResource's limit
    long ingestMaxBytes;

    @Inject
    TapLimits tapLimits;

    @Inject
    org.voarchive.usertables.TableLoads tableLoads; // the loader's own limits, so the two can never disagree

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(MULTIPART)) {
            multipart(request, response, chain);
            return;
        }
        if (tableBody(request)) {
            long tableMaxBytes = tableLoads.maxBytes();
            capped(request, response, chain, "body", tableMaxBytes, "a table sent in one request may have at most "
                + tableMaxBytes + " bytes; send larger files to /tap/load-jobs");
            return;
        }
        if (!type.startsWith(FORM)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response, declared + " bytes");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            tooLarge(request, response, "more than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, String size) {
        Refusals.write(request, response, 413, "the form body has " + size + "; this service accepts at most " + maxBytes
            + " bytes of form parameters (send tables as multipart uploads)");
    }

    private void multipart(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long setting = multipartMaxBytes.orElse(saturatedSum(tapLimits.uploadMaxBytes(), tapLimits.uploadMaxBytes()));
        long cap = multipartCap(setting, request.isUserInRole(org.voarchive.security.Roles.ADMIN), ingestMaxBytes, maxBytes);
        if (request.getRequestURI().substring(request.getContextPath().length()).startsWith("/tap/load-jobs")) {
            cap = Math.max(cap, saturatedSum(tableLoads.jobMaxBytes(), maxBytes)); // a load job's file with its parameters
        }
        capped(request, response, chain, "multipart body", cap,
            "this service accepts at most " + cap + " bytes in one multipart request");
    }

    /** A body refused at once if it declares more than {@code cap} bytes, else counted while it is read. */
    private static void capped(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String what,
                               long cap, String message) throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        if (declared > cap) {
            Refusals.write(request, response, 413, "the " + what + " has " + declared + " bytes; " + message);
            return;
        }
        // a chunked body (or one longer than it said, which the container would not allow anyway)
        Capped capped = new Capped(request, response, cap, what, message);
        chain.doFilter(capped, capped.response());
    }

    /** Whether the request sends a table to a personal table (a load, or a create or describe with rows). */
    static boolean tableBody(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        return method.equals("POST") && path.startsWith("/tap/load/")
            || (method.equals("PUT") || method.equals("POST")) && path.startsWith("/tap/tables/");
    }

    /** The cap of a multipart body: the setting, raised for an admin to what an ingest may send. */
    static long multipartCap(long setting, boolean admin, long ingestMaxBytes, long formMaxBytes) {
        return admin ? Math.max(setting, saturatedSum(ingestMaxBytes, formMaxBytes)) : setting;
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * A request whose body is counted as it is read. At the first byte over the cap the refusal is written
     * and committed, and the reader gets an IOException; whatever the resource answers to that failure (a
     * 400 from the multipart reader) is dropped, so the client sees the 413 alone.
     */
    static final class Capped extends HttpServletRequestWrapper {

        private final HttpServletResponse response;
        private final long cap;
        private final String what;
        private final String message;
        private boolean refused;
        private ServletInputStream counted;

        Capped(HttpServletRequest request, HttpServletResponse response, long cap, String what, String message) {
            super(request);
            this.response = response;
            this.cap = cap;
            this.what = what;
            this.message = message;
        }

        boolean refused() {
            return refused;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream());
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        /** The response, quiet once the body was refused. */
        HttpServletResponse response() {
            return new HttpServletResponseWrapper(response) {
                @Override
                public ServletOutputStream getOutputStream() throws IOException {
                    return refused ? new Discarded() : super.getOutputStream();
                }

                @Override
                public PrintWriter getWriter() throws IOException {
                    return refused ? new PrintWriter(new Discarded(), false, StandardCharsets.UTF_8) : super.getWriter();
                }

                @Override
                public void sendError(int sc, String msg) throws IOException {
                    if (!refused) {
                        super.sendError(sc, msg);
                    }
                }

                @Override
                public void sendError(int sc) throws IOException {
                    if (!refused) {
                        super.sendError(sc);
                    }
                }

                @Override
                public void setStatus(int sc) {
                    if (!refused) {
                        super.setStatus(sc);
                    }
                }

                @Override
                public void reset() {
                    if (!refused) {
                        super.reset();
                    }
                }

                @Override
                public void resetBuffer() {
                    if (!refused) {
                        super.resetBuffer();
                    }
                }
            };
        }

        private void refuse() throws IOException {
            if (!refused) {
                refused = true;
                Refusals.write((HttpServletRequest) getRequest(), response, 413,
                    "the " + what + " has more than " + cap + " bytes; " + message);
            }
            throw new IOException("the request body is larger than " + cap + " bytes");
        }

        /** Counts the bytes read; reading past the cap refuses the request. */
        private final class CountingStream extends ServletInputStream {

            private final ServletInputStream in;
            private long count;

            CountingStream(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                if (refused) {
                    refuse();
                }
                int b = in.read();
                if (b >= 0 && ++count > cap) {
                    refuse();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (refused) {
                    refuse();
                }
                int n = in.read(b, off, len);
                if (n > 0) {
                    count += n;
                    if (count > cap) {
                        refuse();
                    }
                }
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.isFinished();
            }

            @Override
            public boolean isReady() {
                return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        }
    }

    /** Where a refused request's answer goes. */
    private static final class Discarded extends ServletOutputStream {

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    }

    /** The request with its body read already. */
    static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
