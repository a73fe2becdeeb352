package org.voarchive.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices a client that hangs up while its request waits for the database
 * (a query computing before its first row writes nothing, so no failed write
 * tells). Servlets have no disconnect event for a blocking request, so the
 * state of the request's TCP connection is read from the kernel
 * ({@code /proc/net/tcp}, {@code tcp6}) every half second: once the
 * client's end has closed (CLOSE_WAIT) or the connection is gone, the
 * request's work is cancelled. Where there is no {@code /proc} (not Linux),
 * nothing is watched and the statement timeout remains the limit.
 */
@ApplicationScoped
public class ClientConnections {

    private static final Logger LOG = Logger.getLogger(ClientConnections.class.getName());
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";
    private static final long PERIOD_MS = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * The requests being watched, all checked by one periodic task against one reading of the kernel's tables:
     * a task of its own per request cost more than a cone's query (a managed task captures its context).
     */
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean sweeping = new AtomicBoolean();

    /** Watching stops when it is closed. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** One request's connection; {@code seen} and the hang-up are the sweeping task's alone. */
    private static final class Watched {
        final Connection connection;
        final String client;
        final Runnable onHangUp;
        boolean seen;

        Watched(Connection connection, String client, Runnable onHangUp) {
            this.connection = connection;
            this.client = client;
            this.onHangUp = onHangUp;
        }
    }

    /** Runs {@code onHangUp} once if the client of {@code request} hangs up before the watch is closed. */
    public Watch watch(HttpServletRequest request, Runnable onHangUp) {
        if (!Files.isReadable(TABLES.get(0))) {
            return () -> { };
        }
        Connection connection;
        try {
            connection = new Connection(request.getLocalPort(), InetAddress.getByName(request.getRemoteAddr()).getAddress(),
                request.getRemotePort());
        } catch (UnknownHostException e) {
            return () -> { };
        }
        // the request is not ours in the task
        Watched w = new Watched(connection, request.getRemoteAddr() + ":" + request.getRemotePort(), onHangUp);
        watched.add(w);
        if (sweeping.compareAndSet(false, true)) {
            try {
                scheduler.scheduleWithFixedDelay(this::sweep, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                sweeping.set(false);
                LOG.log(Level.WARNING, "client connections are not watched: the scheduler refused the task", e);
            }
        }
        return () -> watched.remove(w);
    }

    /** Every watched request against one reading of the tables; never throws (the executor would end the task). */
    private void sweep() {
        if (watched.isEmpty()) {
            return;
        }
        try {
            List<String[]> entries = Connection.entries();
            for (Watched w : watched) {
                String state = w.connection.stateIn(entries);
                if (state != null) {
                    w.seen = true; // a connection never found (another network namespace, a proxy's view) is not judged
                }
                if (w.seen && !ESTABLISHED.equals(state) && watched.remove(w)) {
                    LOG.log(Level.INFO, "the client {0} hung up; its request is cancelled", w.client);
                    w.onHangUp.run();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "watching the client connections failed; the next round tries again", e);
        }
    }

    /** The server's end of one TCP connection, as the kernel lists it. */
    record Connection(int localPort, byte[] remoteAddress, int remotePort) {

        /** @return the kernel's state code (01 ESTABLISHED, 08 CLOSE_WAIT ...), or null if not listed */
        String state() {
            return stateIn(entries());
        }

        /** The state of this connection among {@code entries} ({@link #entries}), or null if not listed. */
        String stateIn(List<String[]> entries) {
            return entries.stream().filter(f -> f.length > 3 && matches(f[1], f[2])).map(f -> f[3]).findFirst()
                .orElse(null);
        }

        /** The kernel's TCP connections (tcp, then tcp6), each line split into its fields. */
        static List<String[]> entries() {
            List<String[]> entries = new ArrayList<>();
            for (Path table : TABLES) {
                try (var lines = Files.lines(table)) {
                    lines.skip(1).map(String::trim).map(l -> l.split("\\s+")).forEach(entries::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    LOG.log(Level.FINE, "cannot read " + table, e);
                }
            }
            return entries;
        }

        /** Entries are "address:port" in hex, the address as the kernel's 32-bit words in host (little-endian) order. */
        boolean matches(String local, String remote) {
            return port(local) == localPort && port(remote) == remotePort && sameAddress(address(remote));
        }

        private boolean sameAddress(byte[] listed) {
            if (listed.length == remoteAddress.length) {
                return java.util.Arrays.equals(listed, remoteAddress);
            }
            // an IPv4 client of a dual-stack socket is listed in tcp6 as ::ffff:a.b.c.d
            byte[] v6 = listed.length == 16 ? listed : remoteAddress;
            byte[] v4 = listed.length == 16 ? remoteAddress : listed;
            for (int i = 0; i < 10; i++) {
                if (v6[i] != 0) {
                    return false;
                }
            }
            return (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff
                && java.util.Arrays.equals(java.util.Arrays.copyOfRange(v6, 12, 16), v4);
        }

        static int port(String entry) {
            return Integer.parseInt(entry.substring(entry.indexOf(':') + 1), 16);
        }

        static byte[] address(String entry) {
            String hex = entry.substring(0, entry.indexOf(':'));
            byte[] a = new byte[hex.length() / 2];
            for (int word = 0; word < a.length / 4; word++) {
                for (int b = 0; b < 4; b++) { // each word's bytes reversed
                    int at = word * 8 + (3 - b) * 2;
                    a[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
                }
            }
            return a;
        }
    }
}
