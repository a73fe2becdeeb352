package org.voarchive.usage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
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
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return "";
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress(); // a literal: no name lookup
            if (bytes.length == 4) {
                byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 3), 4);
                return InetAddress.getByAddress(network).getHostAddress() + "/24";
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 6), 16);
            String text = InetAddress.getByAddress(network).getHostAddress(); // 2001:db8:1:0:0:0:0:0
            return text.replaceFirst("(:0)+$", "::") + "/48";
        } catch (UnknownHostException e) {
            return "";
        }
    }
}
