package io.amoc.metrics;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how often a node reports: config {@code graphite_host} (unset: no reporting), {@code graphite_port}
 * (2003), {@code graphite_prefix} (this host's name, dots made underscores) and {@code graphite_interval} (10 s),
 * all read through {@link ConfigKeys}. A slave appends its node name ({@code <prefix>.10_0_0_5_1099}), so slaves
 * given one prefix by their master, or sharing a host name, never overwrite each other's series.
 */
public record GraphiteTarget(String host, int port, String prefix, Duration interval) {

    /** What may not stand in one element of a metric path. */
    private static final Pattern PATH_ELEMENT = Pattern.compile("[^A-Za-z0-9_-]");

    /**
     * The target the config describes, or empty when {@code graphite_host} is not set.
     *
     * @throws io.amoc.config.ConfigValueException naming the key whose value cannot be used
     */
    public static Optional<GraphiteTarget> fromConfig(Config config) {
        return fromConfig(config, Optional.empty());
    }

    /**
     * The target the config describes for a node that shares its prefix with others (a slave): the node's name,
     * made a single metric path element, is appended to the prefix.
     *
     * @throws io.amoc.config.ConfigValueException naming the key whose value cannot be used
     */
    public static Optional<GraphiteTarget> fromConfig(Config config, Optional<String> node) {
        String host = ConfigKeys.GRAPHITE_HOST.find(config).orElse("").trim();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String prefix = ConfigKeys.GRAPHITE_PREFIX.find(config).orElseGet(GraphiteTarget::defaultPrefix)
                + node.map(name -> "." + PATH_ELEMENT.matcher(name).replaceAll("_")).orElse("");
        return Optional.of(new GraphiteTarget(host, ConfigKeys.GRAPHITE_PORT.get(config), prefix,
                ConfigKeys.GRAPHITE_INTERVAL.get(config)));
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
