package io.amoc.xmpp;

import io.amoc.xmpp.transport.LeanConnection;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A logged-in lean connection (read by a shared reader, no thread of its own) learns at once that the server ended
 * its session: the end reaches {@code connectionClosedOnError}, long before any reply timeout, with what happened.
 * The sessions go through a plain relay in front of the sandbox, which ends them as a server or a load balancer does.
 */
@ExtendWith(XmppSandbox.class)
class LeanSessionEndTest {

    /** Far below a reply timeout or a ping interval: the end is seen when it arrives, not found out later. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    @BeforeEach
    void configAimedAtTheSandbox() {
        SandboxConfig.freshConfigAimedAtTheSandbox();
    }

    @Test
    void theServerEndingTheStreamClosesTheConnectionWithThatReason() throws Exception {
        try (Relay relay = Relay.plain(XmppSandbox.server().port())) {
            AbstractXMPPConnection connection = Xmpp.connect(31, XmppSettings.fromConfig().withServer("127.0.0.1", relay.port()));
            CompletableFuture<Exception> closed = closedOnError(connection);
            relay.endStreamsTowardsClients();
            Exception reason = closed.get(AT_ONCE.toMillis(), TimeUnit.MILLISECONDS);
            assertInstanceOf(ServerClosedConnectionException.class, reason);
            assertEquals("the server closed the stream", reason.getMessage());
            assertFalse(connection.isConnected());
        }
    }

    @Test
    void theServerDroppingTheSocketClosesTheConnectionWithThatReason() throws Exception {
        try (Relay relay = Relay.plain(XmppSandbox.server().port())) {
            AbstractXMPPConnection connection = Xmpp.connect(32, XmppSettings.fromConfig().withServer("127.0.0.1", relay.port()));
            CompletableFuture<Exception> closed = closedOnError(connection);
            relay.close();
            Exception reason = closed.get(AT_ONCE.toMillis(), TimeUnit.MILLISECONDS);
            assertInstanceOf(ServerClosedConnectionException.class, reason);
            assertFalse(connection.isConnected());
        }
    }

    private static CompletableFuture<Exception> closedOnError(AbstractXMPPConnection connection) {
        assertInstanceOf(LeanConnection.class, connection);
        CompletableFuture<Exception> closed = new CompletableFuture<>();
        connection.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closed.complete(e);
            }
        });
        return closed;
    }
}
