package org.voarchive.usage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client address reduced to its network before anything keeps or shows it: an IPv4 address to its /24
 * ({@code 192.0.2.0/24}), an IPv6 address to its /48 ({@code 2001:db8:1::/48}). These are the smallest
 * blocks routed between networks (longer prefixes are not accepted on the Internet's routing tables), so they
 * name a site or a provider's customer, which is what usage statistics need (where the archive is used), and
 * not a host or a household: the statistics hold no personal address, however long they are kept.
 */
public final class MaskedNetwork {

    /** What the masking keeps, as the operations page says it. */
    public static final String DESCRIPTION = "IPv4 addresses as their /24, IPv6 addresses as their /48";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private MaskedNetwork() {
    }

    /**
     * The network of an address literal, or of a network already reduced (a job's IPv6 /64); "" for none
     * or for anything that is not an address literal (never resolved, never kept as given).
     */
    public static String of(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String literal = address.strip();
        int slash = literal.indexOf('/');
        if (slash >= 0) {
            literal = literal.substring(0, slash); // a network already: masked again to this class's prefix
        }
        return bytes(literal).map(b -> b.length == 4 ? prefix(b, 24) : prefix(b, 48)).orElse("");
    }

    /**
     * The bytes of an IP address literal (IPv6 possibly in brackets or with a zone); empty for anything else,
     * which is never resolved as a host name. Shared with the UWS quota's networks (uws.JobOwner).
     */
    public static Optional<byte[]> bytes(String address) {
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress()); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The network of {@code bits} (a multiple of 8) that the address's bytes are in, e.g. {@code 2001:db8:1::/48}. */
    public static String prefix(byte[] address, int bits) {
        byte[] network = Arrays.copyOf(Arrays.copyOf(address, bits / 8), address.length);
        try {
            String text = InetAddress.getByAddress(network).getHostAddress(); // IPv6 in full: 2001:db8:1:0:0:0:0:0
            return (network.length == 4 ? text : text.replaceFirst("(:0)+$", "::")) + "/" + bits;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address of 4 or 16 bytes", e);
        }
    }
}
