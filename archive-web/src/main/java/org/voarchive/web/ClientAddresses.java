package org.voarchive.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place that says which address a request comes from, for everything that counts or logs
 * clients by address (failed logins per address, anonymous job limits per network, the request log).
 * It is the TCP peer, unless the peer is one of the reverse proxies named in
 * {@code archive.http.trusted-proxies}: then it is the right-most address of {@code X-Forwarded-For}
 * (or, when there is none, of the {@code for=} parameters of {@code Forwarded}, RFC 7239) that is not
 * a trusted proxy itself. Entries left of it were written by the client and can say anything, so they
 * are never used; headers from a peer that is not a trusted proxy are ignored altogether, and an entry
 * that is no address literal (garbage, {@code unknown}, an obfuscated node) ends the walk with the
 * peer's address. Addresses are never resolved by name.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "archive.http.trusted-proxies")
    Optional<String> trustedProxies;

    private List<Block> trusted;

    @PostConstruct
    void start() {
        trusted = Block.parseList(trustedProxies.orElse(""));
    }

    /** A mistyped proxy list fails the deployment with the key's name, not the first request of a client. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        trusted.size();
    }

    /** The address of the client of this request, as text (IPv4 dotted, IPv6 in Java's full form). */
    public String of(HttpServletRequest request) {
        return client(request.getRemoteAddr(), header(request, "X-Forwarded-For"), header(request, "Forwarded"),
            trusted);
    }

    private static List<String> header(HttpServletRequest request, String name) {
        return request.getHeaders(name) == null ? List.of() : Collections.list(request.getHeaders(name));
    }

    /**
     * @param peer           the TCP peer's address
     * @param forwardedFor   the X-Forwarded-For header lines, in order
     * @param forwarded      the Forwarded header lines, in order
     * @param trustedProxies the blocks whose peers may tell the client's address
     */
    static String client(String peer, List<String> forwardedFor, List<String> forwarded, List<Block> trustedProxies) {
        Optional<InetAddress> direct = literal(peer);
        if (direct.isEmpty()) {
            return peer; // not an address (a Unix socket's name): nothing to normalise or trust
        }
        if (!trustedProxies.stream().anyMatch(b -> b.contains(direct.get()))) {
            return direct.get().getHostAddress();
        }
        // the proxy appends to X-Forwarded-For (nginx, Apache httpd, HAProxy, load balancers do by default);
        // a proxy that writes only Forwarded must drop a client's X-Forwarded-For, or the client's would be read
        List<String> chain = forwardedFor.isEmpty() ? forwardedParameters(forwarded) : entries(forwardedFor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = node(chain.get(i));
            if (hop.isEmpty()) {
                return direct.get().getHostAddress();
            }
            if (!trustedProxies.stream().anyMatch(b -> b.contains(hop.get()))) {
                return hop.get().getHostAddress();
            }
        }
        // only proxies (or no header): the left-most proxy is the client, or the peer itself
        return chain.isEmpty() ? direct.get().getHostAddress() : node(chain.get(0)).orElseThrow().getHostAddress();
    }

    /** The comma-separated entries of X-Forwarded-For lines, in order. */
    private static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            for (String entry : line.split(",", -1)) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    /**
     * The {@code for=} values of Forwarded lines, one per element (RFC 7239 section 4); an element without
     * one gives "" (no address, so the walk stops there).
     */
    static List<String> forwardedParameters(List<String> lines) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            for (String element : split(line, ',')) {
                String value = "";
                for (String pair : split(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                        value = unquote(pair.substring(eq + 1).strip());
                    }
                }
                values.add(value);
            }
        }
        return values;
    }

    /** Splits at a separator outside quoted strings (which may hold it: {@code for="[::1]:80"}). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }

    private static final Pattern IPV4_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d{1,5})?");
    private static final Pattern IPV6_BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\](?::\\d{1,5})?");

    /** A node of a forwarding header: an IPv4 address or a (bracketed) IPv6 one, with an optional port. */
    static Optional<InetAddress> node(String text) {
        var v4 = IPV4_PORT.matcher(text);
        if (v4.matches()) {
            return literal(v4.group(1));
        }
        var v6 = IPV6_BRACKETED.matcher(text);
        if (v6.matches()) {
            return literal(v6.group(1));
        }
        return literal(text); // a bare IPv6 address (X-Forwarded-For writes them without brackets)
    }

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** The shape of an IPv6 literal (InetAddress checks the rest), with an optional dotted IPv4 tail. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){1,7}"
        + "|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){1,6}:\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * An address literal, never a name: only text that is an IPv4 or IPv6 literal reaches
     * {@link InetAddress#getByName}, which then does no lookup. IPv4-mapped IPv6 addresses become IPv4.
     */
    static Optional<InetAddress> literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || text.contains(":") && IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty(); // shaped like a literal but not one (too many "::")
        }
    }

    /** An address block: an address with a prefix length (a single address has its full length). */
    record Block(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }

        /** "10.0.0.0/8, 192.0.2.7 ::1 fd00::/8": separated by commas or spaces; empty is none. */
        static List<Block> parseList(String text) {
            List<Block> blocks = new ArrayList<>();
            for (String item : text.strip().split("[,\\s]+")) {
                if (!item.isEmpty()) {
                    blocks.add(parse(item));
                }
            }
            return List.copyOf(blocks);
        }

        static Block parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            InetAddress a = literal(address).orElseThrow(() -> new IllegalArgumentException(
                "archive.http.trusted-proxies: " + text + " is not an IP address or CIDR block (no host names)"));
            int max = address.contains(":") ? 128 : 32; // as written: ::ffff:10.0.0.0/104 is IPv6 notation
            int prefix = a.getAddress().length * 8;
            if (slash >= 0) {
                String length = text.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > max) {
                    throw new IllegalArgumentException("archive.http.trusted-proxies: " + text
                        + " has no prefix length between 0 and " + max);
                }
                prefix = Integer.parseInt(length);
                if (address.contains(":") && a.getAddress().length == 4) {
                    prefix -= 96; // ::ffff:10.0.0.0/104 is 10.0.0.0/8: mapped addresses are compared as IPv4
                    if (prefix < 0) {
                        throw new IllegalArgumentException("archive.http.trusted-proxies: " + text
                            + " reaches beyond the IPv4-mapped block; write it as IPv4");
                    }
                }
            }
            return new Block(a.getAddress(), prefix);
        }
    }
}
