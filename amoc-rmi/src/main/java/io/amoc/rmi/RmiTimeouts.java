package io.amoc.rmi;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;

import java.time.Duration;

/**
 * How long the master waits on a slave: to open a connection, for the answer to a short call, and for the answer to a
 * long one. No call blocks forever, and a short call never waits as long as a long one may.
 *
 * @param connect connect timeout ({@code rmi_connect_timeout}, seconds)
 * @param read    the deadline of a long call (start with its init, stop with its terminate, a forced remove) and the
 *                read timeout of every connection ({@code rmi_read_timeout}, seconds)
 * @param call    the deadline of a short call (heartbeat, add, gentle remove, config, metrics, release, take-over)
 *                ({@code rmi_call_deadline}, seconds); never longer than {@code read}
 */
public record RmiTimeouts(Duration connect, Duration read, Duration call) {

    /** The JDK's wait for a new connection's RMI handshake (one minute unless set). */
    private static final String HANDSHAKE_PROPERTY = "sun.rmi.transport.tcp.handshakeTimeout";

    private static volatile RmiTimeouts current = new RmiTimeouts(
            ConfigKeys.RMI_CONNECT_TIMEOUT.defaultValue().orElseThrow(),
            ConfigKeys.RMI_READ_TIMEOUT.defaultValue().orElseThrow(),
            ConfigKeys.RMI_CALL_DEADLINE.defaultValue().orElseThrow());

    public RmiTimeouts {
        for (Duration timeout : new Duration[] {connect, read, call}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("RMI timeouts must be positive: connect " + connect + ", read "
                        + read + ", call " + call);
            }
        }
        call = call.compareTo(read) > 0 ? read : call;
    }

    /** Short calls get the default deadline, or {@code read} if that is shorter. */
    public RmiTimeouts(Duration connect, Duration read) {
        this(connect, read, ConfigKeys.RMI_CALL_DEADLINE.defaultValue().orElseThrow());
    }

    /** The timeouts from the config keys, or their defaults. */
    public static RmiTimeouts fromConfig(Config config) {
        return new RmiTimeouts(ConfigKeys.RMI_CONNECT_TIMEOUT.get(config), ConfigKeys.RMI_READ_TIMEOUT.get(config),
                ConfigKeys.RMI_CALL_DEADLINE.get(config));
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

    /** A timeout as messages say it, in the unit of its config key: {@code 30 s}, {@code 2.5 s}. */
    static String inSeconds(Duration timeout) {
        long millis = timeout.toMillis();
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0)) + " s";
    }
}
