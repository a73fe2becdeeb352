package org.voarchive.fetch;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a caller's URL may reach: public unicast ones only. Not
 * loopback, any-local, link-local (cloud metadata at 169.254.169.254),
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), CGNAT (100.64/10),
 * multicast, reserved or documentation ranges, nor this machine's own
 * interface addresses; IPv6 forms that carry an IPv4 address (mapped,
 * compatible, NAT64, 6to4) are judged by that address.
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    /** Why the address is refused, or empty if it is public and not this machine's. */
    static Optional<String> refusal(InetAddress address, List<InetAddress> own) {
        if (own.stream().anyMatch(a -> Arrays.equals(a.getAddress(), address.getAddress()))) {
            return Optional.of("an address of this machine");
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("a local, private or multicast address");
        }
        byte[] b = address.getAddress();
        boolean refused = b.length == 4 ? !publicV4(b) : !publicV6(b);
        return refused ? Optional.of("a non-public address") : Optional.empty();
    }

    /** The addresses of this machine's interfaces; a machine that cannot list them refuses every fetch. */
    static List<InetAddress> own() throws FetchException {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses).toList();
        } catch (SocketException | RuntimeException e) {
            throw new FetchException("the machine's own addresses cannot be listed", e);
        }
    }

    private static boolean publicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                   // "this network" 0/8
            || a0 == 10 || a0 == 127                        // private, loopback
            || a0 == 100 && (a1 & 0xc0) == 64               // CGNAT 100.64/10
            || a0 == 169 && a1 == 254                       // link-local, cloud metadata
            || a0 == 172 && (a1 & 0xf0) == 16               // private 172.16/12
            || a0 == 192 && a1 == 168                       // private
            || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // IETF protocol assignments, documentation
            || a0 == 198 && (a1 & 0xfe) == 18               // benchmarking 198.18/15
            || a0 == 198 && a1 == 51 && a2 == 100           // documentation
            || a0 == 203 && a1 == 0 && a2 == 113            // documentation
            || a0 >= 224);                                  // multicast, reserved 240/4, broadcast
    }

    private static boolean publicV6(byte[] b) {
        if (zero(b, 0, 10) && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xff && b[11] == (byte) 0xff)) {
            return publicV4(Arrays.copyOfRange(b, 12, 16)); // IPv4-compatible ::a.b.c.d or mapped ::ffff:a.b.c.d
        }
        int w0 = (b[0] & 0xff) << 8 | b[1] & 0xff;
        int w1 = (b[2] & 0xff) << 8 | b[3] & 0xff;
        if (w0 == 0x64 && w1 == 0xff9b) {
            // NAT64: the well-known prefix carries an IPv4 address; the local-use 64:ff9b:1::/48 is private
            return zero(b, 4, 12) && publicV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (w0 == 0x2002) {
            return publicV4(Arrays.copyOfRange(b, 2, 6)); // 6to4
        }
        return !((b[0] & 0xfe) == 0xfc                     // unique-local fc00::/7
            || (b[0] & 0xff) == 0xfe                        // link- and site-local fe80::/10, fec0::/10
            || (b[0] & 0xff) == 0xff                        // multicast
            || w0 == 0x2001 && w1 == 0                      // Teredo: the IPv4 end is obfuscated
            || w0 == 0x2001 && w1 == 0x0db8                 // documentation
            || w0 == 0x0100 && zero(b, 2, 8));              // discard-only 100::/64
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
