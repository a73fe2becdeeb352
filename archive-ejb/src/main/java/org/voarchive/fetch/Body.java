package org.voarchive.fetch;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body of an HTTP/1.1 answer as its framing delimits it. A body that ends
 * before its Content-Length or last chunk is a failed fetch, not a shorter
 * table. Closing the body closes the connection.
 */
abstract class Body extends InputStream {

    protected final InputStream in;
    private final Runnable close;

    Body(InputStream in, Runnable close) {
        this.in = in;
        this.close = close;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() {
        close.run();
    }

    /** Content-Length bytes. */
    static final class Counted extends Body {

        private long left;

        Counted(InputStream in, long length, Runnable close) {
            super(in, close);
            this.left = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new FetchException("the body ended " + left + " bytes before its Content-Length");
            }
            left -= n;
            return n;
        }
    }

    /** Everything until the server closes (HTTP/1.0 style, with Connection: close). */
    static final class ToEnd extends Body {

        ToEnd(InputStream in, Runnable close) {
            super(in, close);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }
    }

    /** Transfer-Encoding: chunked; extensions and trailers are skipped. */
    static final class Chunked extends Body {

        private static final int MAX_LINE = 4096;
        private long left; // in the current chunk
        private boolean done;

        Chunked(InputStream in, Runnable close) {
            super(in, close);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line();
                int extension = size.indexOf(';');
                try {
                    left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new FetchException("a malformed chunk size");
                }
                if (left < 0) {
                    throw new FetchException("a malformed chunk size");
                }
                if (left == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new FetchException("the body ended inside a chunk");
            }
            left -= n;
            if (left == 0 && !line().isEmpty()) {
                throw new FetchException("a chunk longer than its size");
            }
            return n;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new FetchException("the body ended inside a chunk header");
                }
                if (line.length() == MAX_LINE) {
                    throw new FetchException("a chunk line longer than " + MAX_LINE + " bytes");
                }
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }
}
