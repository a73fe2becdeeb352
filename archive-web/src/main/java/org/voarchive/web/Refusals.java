package org.voarchive.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.voarchive.dali.ErrorDocument;

/**
 * Refusals written before a request reaches JAX-RS (authentication, the
 * filters), where no exception mapper can: a DALI error document on the
 * DALI services' paths (DALI 1.1 section 4.4), plain text elsewhere.
 */
final class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    /** Paths of the DALI services. */
    private static final List<String> DALI_PATHS = List.of("/tap/", "/scs/", "/datalink");
    /**
     * Under /tap, the VOSI and youcat resources of personal tables and their job lists, whose refusals are text
     * (design §1); prefixes, so /tap/load also covers /tap/load-jobs, named all the same.
     */
    private static final List<String> TEXT_PATHS = List.of("/tap/tables", "/tap/load", "/tap/load-jobs",
        "/tap/permissions", "/tap/table-update");

    private Refusals() {
    }

    /** Writes the status and message; headers the caller set stay. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        try {
            if (dali(request)) {
                response.setContentType(ErrorDocument.VOTABLE_TYPE + ";charset=UTF-8");
                response.getWriter().write(ErrorDocument.voTable(message));
            } else {
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write(message + "\n");
            }
            response.flushBuffer();
        } catch (IOException e) {
            LOG.log(Level.FINE, "the refusal could not be written", e);
        }
    }

    static boolean dali(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return DALI_PATHS.stream().anyMatch(path::startsWith) && TEXT_PATHS.stream().noneMatch(path::startsWith);
    }
}
