package io.amoc.xmpp;

/** Which Smack connection class carries the session: config key {@code xmpp_transport}. */
public enum XmppTransport {
    /**
     * Smack's {@code XMPPTCPConnection}: blocking sockets, a reader and a writer platform thread per connection.
     * The mature choice, and the default.
     */
    TCP,
    /**
     * Smack's {@code ModularXmppClientToServerConnection} with the NIO {@code XmppTcpTransportModule}: one shared
     * reactor thread for all connections, no threads per connection (marked experimental in Smack 4.4).
     */
    MODULAR
}
