package org.voarchive.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on one address (loopback in the tests) that records every
 * request's path, so that a test can prove a refused URL never reached it.
 *
 * <p>Paths: {@code /ok/table} a small CSV table; {@code /ok/chunked} the same,
 * chunked; {@code /ok/hop/N} N redirects, then the table; {@code /ok/to?url}
 * a redirect to the URL in the query; {@code /ok/drip} one byte every 200 ms
 * for ever; {@code /ok/trickle} 2000 bytes every 100 ms for ever; {@code
 * /ok/bytes/N} N bytes; {@code /ok/missing} 404; anything else a secret.
 */
public final class LoopbackServer implements AutoCloseable {

    public static final String TABLE = "a,b\n1,2\n3,4\n";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> hits = new CopyOnWriteArrayList<>();

    public LoopbackServer(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads); // drips must not block the other requests
        server.start();
    }

    /** The base URL, as http://host:port with an IPv6 host in brackets. */
    public String url() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every path requested so far, with its query. */
    public List<String> hits() {
        return List.copyOf(hits);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        hits.add(path + (query == null ? "" : "?" + query));
        try (exchange) {
            if (path.equals("/ok/table")) {
                send(exchange, 200, TABLE.getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/ok/chunked")) {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String line : TABLE.split("(?<=\n)")) {
                        out.write(line.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            } else if (path.startsWith("/ok/hop/")) {
                int left = Integer.parseInt(path.substring("/ok/hop/".length()));
                if (left == 0) {
                    send(exchange, 200, TABLE.getBytes(StandardCharsets.UTF_8));
                } else {
                    redirect(exchange, "/ok/hop/" + (left - 1));
                }
            } else if (path.equals("/ok/to")) {
                redirect(exchange, java.net.URLDecoder.decode(query, StandardCharsets.UTF_8));
            } else if (path.equals("/ok/drip") || path.equals("/ok/trickle")) {
                boolean drip = path.equals("/ok/drip");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                while (true) { // until the client gives up and the write fails
                    out.write(drip ? new byte[] {'a'} : new byte[2000]);
                    out.flush();
                    Thread.sleep(drip ? 200 : 100);
                }
            } else if (path.startsWith("/ok/bytes/")) {
                send(exchange, 200, new byte[Integer.parseInt(path.substring("/ok/bytes/".length()))]);
            } else if (path.equals("/ok/missing")) {
                send(exchange, 404, "no such table".getBytes(StandardCharsets.UTF_8));
            } else {
                send(exchange, 200, "secret\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | InterruptedException e) {
            // the client went away: a dripping answer ends so
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
