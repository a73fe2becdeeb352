package org.voarchive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The kernel's view of real sockets on this machine, as the watch reads it. */
class ClientConnectionsTest {

    @Test
    void parsesTheKernelsAddressNotation() {
        assertArrayEquals(new byte[] {127, 0, 0, 1}, ClientConnections.Connection.address("0100007F:1F90"));
        assertEquals(8080, ClientConnections.Connection.port("0100007F:1F90"));
        // ::ffff:127.0.0.1 as tcp6 lists it
        byte[] mapped = ClientConnections.Connection.address("0000000000000000FFFF00000100007F:1F90");
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1}, mapped);
    }

    @Test
    void seesAnOpenConnectionAndItsClientHangingUp() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux only");
        // IPv4, IPv6, and an IPv4 client of a dual-stack (wildcard) socket, which tcp6 lists as ::ffff:127.0.0.1
        for (String[] bindAndConnect : new String[][] {{"127.0.0.1", "127.0.0.1"}, {"::1", "::1"}, {null, "127.0.0.1"}}) {
            InetAddress client = InetAddress.getByName(bindAndConnect[1]);
            try (ServerSocket server = bindAndConnect[0] == null ? new ServerSocket(0)
                    : new ServerSocket(0, 1, InetAddress.getByName(bindAndConnect[0]))) {
                Socket socket = new Socket(client, server.getLocalPort());
                ClientConnections.Connection c = new ClientConnections.Connection(server.getLocalPort(),
                    client.getAddress(), socket.getLocalPort());
                try (Socket accepted = server.accept()) {
                    assertEquals("01", c.state(), bindAndConnect[1] + ": ESTABLISHED");
                    socket.close();
                    String state = null;
                    for (int i = 0; i < 50 && !"08".equals(state); i++) {
                        Thread.sleep(20);
                        state = c.state();
                    }
                    assertEquals("08", state, bindAndConnect[1] + ": CLOSE_WAIT once the client closed");
                }
                assertNotEquals("01", c.state(), "closed on both ends");
            }
        }
    }
}
