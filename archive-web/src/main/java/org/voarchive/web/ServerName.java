package org.voarchive.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Names the server in the {@code Server} header with a product token and no version: clients and
 * validators (taplint's W-CAP-SVR0) like to know what answered, an attacker learns no release to look up.
 * Payara's own header, which carries its version, is switched off (deploy/payara-hardening.asadmin).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ServerName extends HttpFilter {

    /** The one name of this software, which results' Data Origin INFOs (server_software) state too. */
    static final String PRODUCT = org.voarchive.dali.DataOrigin.SERVER_SOFTWARE;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Server", PRODUCT);
        chain.doFilter(request, response);
    }
}
