package io.amoc.xmpp;

/** Whether and how a connection uses TLS: config key {@code xmpp_tls}. Certificates are not checked. */
public enum XmppTls {
    /** Plain TCP, never STARTTLS (the cheapest: the default for load tests). */
    DISABLED,
    /** STARTTLS when the server offers it. */
    OPTIONAL,
    /** STARTTLS or no connection. */
    REQUIRED,
    /** TLS from the first byte (XEP-0368 direct TLS, usually port 5223); {@code lean} transport only. */
    DIRECT
}
