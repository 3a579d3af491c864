package io.amoc.metrics;

import io.amoc.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and how often a node reports: config {@code graphite_host} (unset: no reporting), {@code graphite_port}
 * (2003), {@code graphite_prefix} (this host's name, dots made underscores) and {@code graphite_interval} (10 s).
 */
public record GraphiteTarget(String host, int port, String prefix, Duration interval) {

    public static final String HOST_KEY = "graphite_host";
    public static final String PORT_KEY = "graphite_port";
    public static final String PREFIX_KEY = "graphite_prefix";
    public static final String INTERVAL_KEY = "graphite_interval";
    public static final long DEFAULT_PORT = 2003;
    public static final double DEFAULT_INTERVAL_SECONDS = 10;
    private static final double MILLIS_PER_SECOND = 1000;
    private static final int MAX_PORT = 65535;

    /** The target the config describes, or empty when {@code graphite_host} is not set. */
    public static Optional<GraphiteTarget> fromConfig(Config config) {
        String host = config.get(HOST_KEY, "").trim();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        long port = config.get(PORT_KEY, DEFAULT_PORT);
        if (port < 1 || port > MAX_PORT) {
            throw new BadGraphiteConfigException(PORT_KEY, port, "a port is 1.." + MAX_PORT + ", e.g. 2003");
        }
        double seconds = config.get(INTERVAL_KEY, DEFAULT_INTERVAL_SECONDS);
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new BadGraphiteConfigException(INTERVAL_KEY, seconds, "give a positive number of seconds, e.g. 10");
        }
        String prefix = config.get(PREFIX_KEY, defaultPrefix());
        return Optional.of(new GraphiteTarget(host, (int) port, prefix,
                Duration.ofMillis(Math.round(seconds * MILLIS_PER_SECOND))));
    }

    /** This host's name with dots made underscores, so each machine (each slave) reports under its own prefix. */
    public static String defaultPrefix() {
        String name = System.getenv("HOSTNAME");
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // keep $HOSTNAME
        }
        return (name == null || name.isBlank() ? "amoc" : name).replace('.', '_');
    }
}
