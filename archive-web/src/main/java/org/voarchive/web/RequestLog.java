package org.voarchive.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.voarchive.logging.RequestId;

/**
 * Gives every request an id (the client's or a proxy's {@code X-Request-ID}
 * if it is a plain token, else a new one), answers it in the
 * {@code X-Request-ID} header, puts it on every log line of the request
 * ({@link RequestId}) and into error documents, and logs one line per request
 * when the response is complete (streamed bodies included): method, path,
 * status, duration, user and client address ({@link ClientAddresses}). Query strings are left out: they may carry
 * credentials or long ADQL. Logger {@code org.voarchive.web.RequestLog},
 * INFO; set it to WARNING to silence the access lines.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLog extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String HEADER = "X-Request-ID";

    @Inject
    ClientAddresses clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = request.getHeader(HEADER);
        String id = given != null && CLIENT_ID.matcher(given).matches() ? given : newId();
        response.setHeader(HEADER, id);
        long start = System.nanoTime();
        try (RequestId.Scope scope = RequestId.open(id)) {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isLoggable(Level.INFO)) {
                // concatenated, not String.format: the same line for a fraction of the cost on every request
                LOG.info("request=" + id + " " + request.getMethod() + " " + request.getRequestURI()
                    + " status=" + response.getStatus() + " ms=" + (System.nanoTime() - start) / 1_000_000
                    + " user=" + (request.getRemoteUser() == null ? "-" : request.getRemoteUser())
                    + " client=" + clients.of(request));
            }
        }
    }

    private static String newId() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "r-" + HexFormat.of().formatHex(b);
    }
}
