package org.voarchive.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches a URL a caller gave, with HTTP/1.1 GET over a socket of its own:
 * the host is resolved once, every address it resolves to is checked
 * ({@link PublicAddresses}) unless the URL is allow-listed, and the socket
 * connects to exactly a checked address (the JDK's HTTP clients resolve again
 * when they connect, which a DNS answer that changes in between would abuse).
 * TLS gets the URL's host for SNI and certificate checks; redirects are
 * followed here, at most {@value #MAX_REDIRECTS}, each checked like the first URL.
 */
public final class PublicUrlFetcher {

    public static final int MAX_REDIRECTS = 5;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_INTERIM_RESPONSES = 5;
    // dotted and undotted numbers in decimal, octal or hex: resolvers read them differently (0177.0.0.1)
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
        + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final FetchSettings settings;
    private final AllowedPrefixes allowed;

    /** @throws IllegalArgumentException for an allowed prefix that is no http(s) URL */
    public PublicUrlFetcher(FetchSettings settings) {
        this.settings = settings;
        this.allowed = new AllowedPrefixes(settings.allowedUrlPrefixes());
    }

    /**
     * @return the body of the final 2xx answer, read within the deadline and at the minimum rate; the caller closes it
     * @throws FetchException whatever the reason; its message is for the log only
     */
    public InputStream open(URI url) throws FetchException {
        Pace pace = new Pace(settings);
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            Exchange exchange = connect(current, pace);
            try {
                Head head = exchange.send(current);
                Optional<String> location = head.redirect();
                if (location.isPresent()) {
                    exchange.close();
                    if (redirects == MAX_REDIRECTS) {
                        throw new FetchException("more than " + MAX_REDIRECTS + " redirects");
                    }
                    current = resolve(current, location.get());
                    continue;
                }
                if (head.status() / 100 != 2) {
                    throw new FetchException(current + " answered HTTP " + head.status());
                }
                return exchange.body(head);
            } catch (SocketTimeoutException e) {
                exchange.close();
                throw pace.timedOut(e);
            } catch (FetchException e) {
                exchange.close();
                throw e;
            } catch (IOException | RuntimeException e) {
                exchange.close();
                throw new FetchException("fetching " + current + " failed: " + e, e);
            }
        }
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("a redirect to '" + location + "', which is no URI");
        }
    }

    /** Checks the URL and its addresses, and connects to the first checked address that answers. */
    private Exchange connect(URI url, Pace pace) throws FetchException {
        String scheme = AllowedPrefixes.scheme(url);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(url + " is not http or https");
        }
        if (url.getRawUserInfo() != null) {
            throw new FetchException(url + " has user information");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new FetchException(url + " has no host a URI parser agrees on");
        }
        if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            throw new FetchException(url + " has a numeric host that is not a dotted quad");
        }
        boolean listed = allowed.matches(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new FetchException(host + " does not resolve", e);
        }
        pace.check(0);
        if (!listed) {
            List<InetAddress> own = PublicAddresses.own();
            for (InetAddress a : addresses) {
                Optional<String> refusal = PublicAddresses.refusal(a, own);
                if (refusal.isPresent()) {
                    throw new FetchException(host + " resolves to " + a.getHostAddress() + ", " + refusal.get());
                }
            }
        }
        int port = AllowedPrefixes.port(url);
        List<String> failures = new ArrayList<>();
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port),
                    pace.connectTimeoutMillis(settings.connectTimeout().toMillis()));
                socket.setSoTimeout(pace.readTimeoutMillis());
                Socket wire = scheme.equals("https") ? tls(socket, host, port) : socket;
                return new Exchange(wire, pace);
            } catch (IOException e) {
                close(socket);
                failures.add(address.getHostAddress() + ": " + e);
                pace.check(0);
            }
        }
        throw new FetchException("no connection to " + host + ":" + port + " " + failures);
    }

    /** TLS over the connected socket, verifying the certificate for the URL's host. */
    private static Socket tls(Socket socket, String host, int port) throws IOException {
        SSLSocket ssl;
        try {
            ssl = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(socket, host, port, true);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no TLS", e);
        }
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // off by default for plain SSLSockets
        if (!host.startsWith("[") && !DOTTED_QUAD.matcher(host).matches()) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing was read from it; closing is best effort
        }
    }

    /** The status line and the headers this client needs. */
    private record Head(int status, String location, String transferEncoding, long contentLength) {

        Optional<String> redirect() {
            return switch (status) {
                case 301, 302, 303, 307, 308 -> Optional.ofNullable(location);
                default -> Optional.empty();
            };
        }
    }

    /** One request and its answer on one connection (Connection: close). */
    private static final class Exchange {

        private final Socket socket;
        private final Pace pace;
        private final InputStream in;

        Exchange(Socket socket, Pace pace) throws IOException {
            this.socket = socket;
            this.pace = pace;
            this.in = new BufferedInputStream(new PacedInput(socket, pace), 1 << 16);
        }

        Head send(URI url) throws IOException {
            String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + url.getRawAuthority()
                + "\r\nUser-Agent: voarchive-fetch\r\nAccept: */*\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int interim = 0; ; interim++) {
                Head head = readHead();
                if (head.status() >= 200 || interim == MAX_INTERIM_RESPONSES) {
                    return head;
                }
                if (head.status() == 101) {
                    throw new FetchException("the server switched protocols");
                }
            }
        }

        private Head readHead() throws IOException {
            String status = line();
            if (!status.matches("HTTP/1\\.[01] [1-9][0-9][0-9]( .*)?")) {
                throw new FetchException("the answer is not HTTP/1.x");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            String location = null;
            String encoding = null;
            long length = -1;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new FetchException("a malformed header line");
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "location" -> location = value;
                    case "transfer-encoding" -> encoding = value.toLowerCase(Locale.ROOT);
                    case "content-length" -> {
                        try {
                            length = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new FetchException("a malformed Content-Length");
                        }
                    }
                    default -> { }
                }
            }
            return new Head(code, location, encoding, length);
        }

        private int headBytes;

        /** A line of the head, without its CR LF; the head as a whole is limited. */
        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new FetchException("the answer ended in its head");
                }
                if (++headBytes > MAX_HEAD_BYTES) {
                    throw new FetchException("the answer's head is longer than " + MAX_HEAD_BYTES + " bytes");
                }
                line.write(c);
            }
            String s = line.toString(StandardCharsets.ISO_8859_1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        /** The body, decoded from chunks or cut at its length; closing it closes the connection. */
        InputStream body(Head head) throws FetchException {
            pace.bodyStarts();
            if (head.transferEncoding() != null) {
                if (!head.transferEncoding().equals("chunked")) {
                    throw new FetchException("transfer encoding " + head.transferEncoding());
                }
                return new Body.Chunked(in, this::close);
            }
            return head.contentLength() >= 0 ? new Body.Counted(in, head.contentLength(), this::close)
                : new Body.ToEnd(in, this::close);
        }

        void close() {
            PublicUrlFetcher.close(socket);
        }
    }
}
