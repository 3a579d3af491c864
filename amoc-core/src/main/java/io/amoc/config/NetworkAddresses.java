package io.amoc.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as a server address ({@code "host:port"}, IPv6 as {@code "[::1]:5222"}) and as a local IP address
 * literal (never a name to look up), for the keys that take them and for the code that connects with them.
 */
public final class NetworkAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_PORT = 65_535;
    private static final int MAX_OCTET = 255;

    private NetworkAddresses() {
    }

    /** The host of {@code "host:port"} (brackets of an IPv6 host removed), or null when the text is not one. */
    public static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon > 0 ? hostPort.substring(0, colon).strip() : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isBlank() || port(hostPort) < 0 ? null : host;
    }

    /** The port of {@code "host:port"}, or -1 when the text is not one. */
    public static int port(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            int port = colon > 0 ? Integer.parseInt(hostPort.substring(colon + 1).strip()) : -1;
            return port >= 1 && port <= MAX_PORT ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** True for an IPv4 or IPv6 address literal. */
    public static boolean isIpLiteral(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int group = 1; group <= v4.groupCount(); group++) {
                if (Integer.parseInt(v4.group(group)) > MAX_OCTET) {
                    return false;
                }
            }
            return true;
        }
        return IPV6.matcher(text).matches();
    }
}
