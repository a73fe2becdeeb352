package org.voarchive.uws;

import org.voarchive.usage.MaskedNetwork;

/**
 * Whom a job's limits (executing, queued, pending jobs, stored bytes) count against: the authenticated
 * user, or, for an anonymous caller, the network it calls from, so that one anonymous client cannot use
 * up what every anonymous client shares. A network is an IPv4 address or an IPv6 /64, the smallest block
 * an IPv6 client is given (counting single IPv6 addresses would let one client be billions of owners).
 * Behind a reverse proxy the web layer passes the client's address the proxy reported, if the proxy is
 * trusted ({@code archive.http.trusted-proxies}); otherwise every anonymous caller has the proxy's address.
 *
 * @param user    the authenticated user's name, or null
 * @param network the anonymous caller's network, or null (owned jobs; anonymous jobs older than networks)
 */
public record JobOwner(String user, String network) {

    public JobOwner {
        if (user != null) {
            network = null; // a user's limits are the user's wherever the requests come from
        }
    }

    /** The owner of a request: its authenticated user (null if none) and its client's address. */
    public static JobOwner of(String user, String remoteAddress) {
        return new JobOwner(user, user == null ? network(remoteAddress) : null);
    }

    /** The owner of a stored job. */
    public static JobOwner of(Job job) {
        return new JobOwner(job.ownerId(), job.clientNetwork());
    }

    public boolean anonymous() {
        return user == null;
    }

    /** An IPv4 address as it is, an IPv6 address as its /64 ({@code 2001:db8:1:2::/64}); null if none. */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        // not an address literal (a container's own name): counted as it is, never resolved
        return MaskedNetwork.bytes(address).map(b -> b.length == 4 ? MaskedNetwork.prefix(b, 32).replace("/32", "")
            : MaskedNetwork.prefix(b, 64)).orElse(address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address);
    }
}
