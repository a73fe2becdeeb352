package org.voarchive.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.voarchive.site.SiteIdentity;

/**
 * Refuses cross-site state changes, the one place for every endpoint: a
 * request with any method but GET, HEAD, OPTIONS and TRACE that names an
 * origin ({@code Origin}, or without it the origin of {@code Referer}) other
 * than the archive's own ({@code archive.base-url}, or the request's own
 * {@code Host}) is a 403. Browsers send the credentials they have for the
 * archive with a page's cross-site form or fetch, and always send
 * {@code Origin} with a cross-site POST; VO clients (pyvo, TOPCAT, curl)
 * send neither header and are not affected.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CrossSiteRequests extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    SiteIdentity site;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            String origin = request.getHeader("Origin");
            String header = "Origin";
            if (origin == null && request.getHeader("Referer") != null) {
                origin = origin(request.getHeader("Referer")).orElse("an unreadable Referer");
                header = "Referer";
            }
            if (origin != null && !own(origin, site.baseUrl(), request.getHeader("Host"))) {
                Refusals.write(request, response, 403, "cross-site request refused: a " + request.getMethod()
                    + " from " + origin + " (" + header + ") may not change this archive, whose origin is "
                    + origin(site.baseUrl()).orElse(site.baseUrl())
                    + "; clients that are not browsers send no Origin or Referer header");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the origin (scheme://host[:port]; "null" for opaque ones) is the archive's own: that of the base
     * URL, or the one whose host and port are the request's Host (the archive reached under another name).
     */
    static boolean own(String origin, String baseUrl, String host) {
        Optional<URI> given = parse(origin);
        if (given.isEmpty()) {
            return false;
        }
        Optional<URI> base = parse(baseUrl);
        if (base.isPresent() && sameOrigin(given.get(), base.get())) {
            return true;
        }
        return host != null && !host.isBlank()
            && authority(given.get()).equalsIgnoreCase(withPort(host.strip(), given.get().getScheme()));
    }

    /** The origin of a URL, as a browser writes it in Origin. */
    static Optional<String> origin(String url) {
        return parse(url).map(u -> u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority());
    }

    private static Optional<URI> parse(String url) {
        try {
            URI u = new URI(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && authority(a).equalsIgnoreCase(authority(b));
    }

    /** host:port with the scheme's default port made explicit. */
    private static String authority(URI u) {
        int port = u.getPort() >= 0 ? u.getPort() : defaultPort(u.getScheme());
        String host = u.getHost();
        return host + ":" + port;
    }

    private static String withPort(String hostHeader, String scheme) {
        boolean hasPort = hostHeader.startsWith("[") ? hostHeader.contains("]:") : hostHeader.contains(":");
        return hasPort ? hostHeader : hostHeader + ":" + defaultPort(scheme);
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
