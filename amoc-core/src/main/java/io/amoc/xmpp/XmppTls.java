package io.amoc.xmpp;

/** Whether a connection uses STARTTLS: config key {@code xmpp_tls}. */
public enum XmppTls {
    /** Plain TCP, never STARTTLS (the cheapest: the default for load tests). */
    DISABLED,
    /** STARTTLS when the server offers it. */
    OPTIONAL,
    /** STARTTLS or no connection. */
    REQUIRED
}
