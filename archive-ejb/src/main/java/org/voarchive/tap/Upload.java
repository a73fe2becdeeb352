package org.voarchive.tap;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.voarchive.dali.DaliException;

/**
 * One table named in the UPLOAD parameter (DALI 1.1 section 3.4.5, TAP 1.1
 * section 2.5.4): {@code name,param:part} for a part of the same multipart
 * request, or {@code name,http(s)://...} for a table the service fetches.
 *
 * @param name the ADQL name under TAP_UPLOAD
 * @param part the multipart part's name, or null for a URL
 * @param url  the address to fetch, or null for a part
 */
public record Upload(String name, String part, URI url) {

    private static final Pattern REGULAR_IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    /** Every UPLOAD value; each may list several tables separated by semicolons. */
    public static List<Upload> parse(List<String> values) throws DaliException {
        List<Upload> uploads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String value : values) {
            for (String pair : value.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                Upload u = parseOne(pair.trim());
                if (!names.add(u.name().toLowerCase(Locale.ROOT))) {
                    throw DaliException.badRequest("UPLOAD names the table '" + u.name() + "' twice");
                }
                uploads.add(u);
            }
        }
        return uploads;
    }

    private static Upload parseOne(String pair) throws DaliException {
        int comma = pair.indexOf(',');
        if (comma < 0) {
            throw DaliException.badRequest("UPLOAD must be 'name,param:part' or 'name,http(s)://...', not '" + pair + "'");
        }
        String name = pair.substring(0, comma).trim();
        String source = pair.substring(comma + 1).trim();
        if (!REGULAR_IDENTIFIER.matcher(name).matches()) {
            throw DaliException.badRequest("UPLOAD table name '" + name
                + "' is not an ADQL regular identifier of at most 63 characters (a letter, then letters, digits or _)");
        }
        if (source.startsWith("param:")) {
            String part = source.substring("param:".length());
            if (part.isEmpty()) {
                throw DaliException.badRequest("UPLOAD " + name + ": param: needs the name of a multipart part");
            }
            return new Upload(name, part, null);
        }
        URI url;
        try {
            url = new URI(source);
        } catch (java.net.URISyntaxException e) {
            throw DaliException.badRequest("UPLOAD " + name + ": '" + source + "' is not a URI");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DaliException.badRequest("UPLOAD " + name + ": only param:, http: and https: sources are supported, not '"
                + source + "'");
        }
        if (url.isOpaque() || url.getHost() == null || url.getHost().isBlank() || url.getRawUserInfo() != null) {
            // http:x, http://:80/, http://user@host/: no address to fetch (HttpClient would throw, not refuse)
            throw DaliException.badRequest("UPLOAD " + name + ": '" + source + "' is not an http(s) URL with a host name");
        }
        return new Upload(name, null, url);
    }
}
