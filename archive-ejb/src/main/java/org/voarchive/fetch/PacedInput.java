package org.voarchive.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A socket's bytes, each read bounded by the fetch's {@link Pace}. */
final class PacedInput extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private final Pace pace;

    PacedInput(Socket socket, Pace pace) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.pace = pace;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        socket.setSoTimeout(pace.readTimeoutMillis());
        int n;
        try {
            n = in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw pace.timedOut(e);
        }
        pace.check(Math.max(n, 0));
        return n;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
