package io.amoc.xmpp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/** Reads and checks {@code xmpp_servers} ("host:port") and {@code xmpp_source_addresses} (IP addresses). */
final class XmppAddresses {

    static final String SERVERS_KEY = "xmpp_servers";
    static final String SOURCES_KEY = "xmpp_source_addresses";
    private static final String SERVERS_EXAMPLE = "a list of \"host:port\", e.g. [\"127.0.0.1:5222\", \"127.0.0.1:5223\"]";
    private static final String SOURCES_EXAMPLE = "a list of local IP addresses, e.g. [\"127.0.0.2\", \"127.0.0.3\"]";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_PORT = 65_535;
    private static final int MAX_OCTET = 255;

    private XmppAddresses() {
    }

    /** A configured value as a list of strings: a list literal, one string, or nothing. */
    static List<String> strings(String key, Object value, String example) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return single.isBlank() ? List.of() : List.of(single.trim());
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(item -> ((String) item).trim()).toList();
        }
        throw new XmppConfigException(key, value, example);
    }

    static List<String> servers(Object value) {
        return strings(SERVERS_KEY, value, SERVERS_EXAMPLE);
    }

    static List<String> sources(Object value) {
        return strings(SOURCES_KEY, value, SOURCES_EXAMPLE);
    }

    /** {@code "host:port"} (IPv6 as {@code "[::1]:5222"}) as an unresolved address, or a config error naming it. */
    static InetSocketAddress server(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isBlank() || port < 1 || port > MAX_PORT) {
            throw new XmppConfigException(SERVERS_KEY, text, SERVERS_EXAMPLE);
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** An IP address literal (never a name to look up), or a config error naming it. */
    static InetAddress source(String text) {
        var v4 = IPV4.matcher(text);
        boolean literal = v4.matches() ? octetsFit(v4) : IPV6.matcher(text).matches();
        if (!literal) {
            throw new XmppConfigException(SOURCES_KEY, text, SOURCES_EXAMPLE);
        }
        try {
            return InetAddress.getByName(text);   // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            throw new XmppConfigException(SOURCES_KEY, text, SOURCES_EXAMPLE);
        }
    }

    private static boolean octetsFit(java.util.regex.Matcher v4) {
        for (int group = 1; group <= v4.groupCount(); group++) {
            if (Integer.parseInt(v4.group(group)) > MAX_OCTET) {
                return false;
            }
        }
        return true;
    }

    /** The element of {@code list} for user {@code userId}, round-robin by id (user 1 gets the first). */
    static <T> T byUser(List<T> list, long userId) {
        return list.get((int) Math.floorMod(userId - 1, (long) list.size()));
    }
}
