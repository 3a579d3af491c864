package io.amoc.rmi;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;

import java.time.Duration;

/**
 * How long the master waits on a slave: to open a connection, and for each answer. No call blocks forever.
 *
 * @param connect connect timeout ({@code rmi_connect_timeout}, seconds)
 * @param read    read timeout on every call ({@code rmi_read_timeout}, seconds); longer than the slowest {@code init}
 */
public record RmiTimeouts(Duration connect, Duration read) {

    /** The JDK's wait for a new connection's RMI handshake (one minute unless set). */
    private static final String HANDSHAKE_PROPERTY = "sun.rmi.transport.tcp.handshakeTimeout";

    private static volatile RmiTimeouts current = new RmiTimeouts(
            ConfigKeys.RMI_CONNECT_TIMEOUT.defaultValue().orElseThrow(),
            ConfigKeys.RMI_READ_TIMEOUT.defaultValue().orElseThrow());

    public RmiTimeouts {
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
            throw new IllegalArgumentException("RMI timeouts must be positive: connect " + connect + ", read " + read);
        }
    }

    /** The timeouts from the config keys, or their defaults. */
    public static RmiTimeouts fromConfig(Config config) {
        return new RmiTimeouts(ConfigKeys.RMI_CONNECT_TIMEOUT.get(config), ConfigKeys.RMI_READ_TIMEOUT.get(config));
    }

    /**
     * The timeouts every connection this JVM opens to a slave uses from now on. The JDK reads its RMI handshake
     * timeout once, so install the timeouts before the first RMI call of the JVM for them to cover the handshake.
     */
    public static void install(RmiTimeouts timeouts) {
        current = timeouts;
        System.setProperty(HANDSHAKE_PROPERTY, Long.toString(timeouts.read().toMillis()));
    }

    public static RmiTimeouts current() {
        return current;
    }
}
