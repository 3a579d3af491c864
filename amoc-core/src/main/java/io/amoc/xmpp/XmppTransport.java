package io.amoc.xmpp;

/** Which connection class carries the session: config key {@code xmpp_transport}. */
public enum XmppTransport {
    /**
     * amoc's lean Smack connection (the default): one virtual reader thread per connection, writes from the
     * sending thread, small buffers. All of Smack's API except stream management, compression, DNS SRV and proxies;
     * see docs/xmpp.md.
     */
    LEAN,
    /**
     * Smack's {@code XMPPTCPConnection}: a reader and a writer platform thread per connection, about 10 times the
     * memory of {@code lean}. For scenarios that need stream management (XEP-198), which it can enable.
     */
    TCP
}
