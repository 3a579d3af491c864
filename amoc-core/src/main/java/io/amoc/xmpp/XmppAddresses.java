package io.amoc.xmpp;

import io.amoc.config.NetworkAddresses;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/** {@code xmpp_servers} ("host:port") and {@code xmpp_source_addresses} (IP addresses) as socket addresses. */
final class XmppAddresses {

    static final String SERVERS_KEY = "xmpp_servers";
    static final String SOURCES_KEY = "xmpp_source_addresses";
    private static final String SERVERS_EXAMPLE = "a list of \"host:port\", e.g. [\"127.0.0.1:5222\", \"127.0.0.1:5223\"]";
    private static final String SOURCES_EXAMPLE = "a list of local IP addresses, e.g. [\"127.0.0.2\", \"127.0.0.3\"]";

    private XmppAddresses() {
    }

    /** {@code "host:port"} (IPv6 as {@code "[::1]:5222"}) as an unresolved address, or a config error naming it. */
    static InetSocketAddress server(String text) {
        String host = NetworkAddresses.host(text);
        if (host == null) {
            throw new XmppConfigException(SERVERS_KEY, text, SERVERS_EXAMPLE);
        }
        return InetSocketAddress.createUnresolved(host, NetworkAddresses.port(text));
    }

    /** An IP address literal (never a name to look up), or a config error naming it. */
    static InetAddress source(String text) {
        if (!NetworkAddresses.isIpLiteral(text)) {
            throw new XmppConfigException(SOURCES_KEY, text, SOURCES_EXAMPLE);
        }
        try {
            return InetAddress.getByName(text);   // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            throw new XmppConfigException(SOURCES_KEY, text, SOURCES_EXAMPLE);
        }
    }

    /** The element of {@code list} for user {@code userId}, round-robin by id (user 1 gets the first). */
    static <T> T byUser(List<T> list, long userId) {
        return list.get((int) Math.floorMod(userId - 1, (long) list.size()));
    }
}
