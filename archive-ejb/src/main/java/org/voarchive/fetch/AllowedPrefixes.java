package org.voarchive.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operator's URL prefixes that may be fetched whatever address their host
 * has (the archive's own {@code /tap/} results, for instance). A URL matches
 * by its parts, not as a string: same scheme, host and port, and a path that
 * starts with the prefix's path; a path with dot segments (also encoded or
 * behind {@code ;} parameters, which servlet containers strip) never matches,
 * so {@code /tap/..;/admin} does not pass as {@code /tap/}.
 */
final class AllowedPrefixes {

    private record Prefix(String scheme, String host, int port, String path) {
    }

    private final List<Prefix> prefixes = new ArrayList<>();

    /** @throws IllegalArgumentException for a prefix that is no absolute http(s) URL with a host */
    AllowedPrefixes(List<String> urls) {
        for (String url : urls) {
            URI uri;
            try {
                uri = new URI(url.trim()).normalize();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("allowed URL prefix '" + url + "' is not a URI", e);
            }
            String scheme = scheme(uri);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("allowed URL prefix '" + url + "' is not an http(s) URL with a host");
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            prefixes.add(new Prefix(scheme, uri.getHost().toLowerCase(Locale.ROOT), port(uri), path));
        }
    }

    boolean matches(URI url) {
        if (prefixes.isEmpty() || url.getHost() == null || url.getRawUserInfo() != null || hasDotSegments(url)) {
            return false;
        }
        String scheme = scheme(url);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return prefixes.stream().anyMatch(p -> p.scheme().equals(scheme) && p.host().equals(host)
            && p.port() == port(url) && path.startsWith(p.path()));
    }

    private static boolean hasDotSegments(URI url) {
        String path = url.getPath(); // decoded: %2e%2e and %2f count as what they encode
        if (path == null) {
            return false;
        }
        if (path.indexOf('\\') >= 0) {
            return true; // some servers read a backslash as a slash
        }
        for (String segment : path.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
        }
        return false;
    }

    static String scheme(URI url) {
        return url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    }

    static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : scheme(url).equals("https") ? 443 : 80;
    }
}
