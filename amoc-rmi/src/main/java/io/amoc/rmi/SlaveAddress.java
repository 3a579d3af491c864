package io.amoc.rmi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Where a slave's registry listens: {@code host:port}.
 *
 * @param host name or address
 * @param port the registry port ({@code slave_port} on the slave)
 */
public record SlaveAddress(String host, int port) {

    private static final int MAX_PORT = 65_535;

    /** Parses {@code host:port}; the port may be left out for the default of {@code slave_port}. */
    public static SlaveAddress parse(String text) throws BadSlaveAddressException {
        String trimmed = text == null ? "" : text.strip();
        int colon = trimmed.lastIndexOf(':');
        String host = colon < 0 ? trimmed : trimmed.substring(0, colon);
        if (host.isEmpty() || host.contains(":") || host.contains(" ")) {
            throw new BadSlaveAddressException(text);
        }
        if (colon < 0) {
            return new SlaveAddress(host, SlaveOptions.DEFAULT_PORT);
        }
        try {
            int port = Integer.parseInt(trimmed.substring(colon + 1));
            if (port < 1 || port > MAX_PORT) {
                throw new BadSlaveAddressException(text);
            }
            return new SlaveAddress(host, port);
        } catch (NumberFormatException e) {
            throw new BadSlaveAddressException(text);
        }
    }

    /**
     * True when {@code other} reaches the same slave: the same port and a host of the same name (in any case) or
     * resolving to an address in common ({@code localhost} and {@code 127.0.0.1}); a slave listens on one address.
     */
    public boolean sameSlaveAs(SlaveAddress other) {
        if (port != other.port) {
            return false;
        }
        if (host.equalsIgnoreCase(other.host)) {
            return true;
        }
        Set<InetAddress> mine = resolved(host);
        return resolved(other.host).stream().anyMatch(mine::contains);
    }

    private static Set<InetAddress> resolved(String host) {
        try {
            return Set.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Set.of();   // a name that does not resolve is only itself
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
