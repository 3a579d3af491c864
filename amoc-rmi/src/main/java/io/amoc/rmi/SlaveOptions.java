package io.amoc.rmi;

import io.amoc.config.Config;
import io.amoc.rmi.tls.TlsDirectory;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a slave listens.
 *
 * @param bindAddress    the address it listens on and advertises to its master ({@code java.rmi.server.hostname})
 * @param registryPort   the RMI registry's port ({@code slave_port}); 0 picks a free one
 * @param objectPort     the port of the slave's one remote object ({@code slave_object_port}); 0 picks a free one
 * @param allowLoopback  whether a loopback address is acceptable (single-machine tests)
 * @param silenceTimeout how long ({@code master_silence_timeout}, seconds) the slave waits for its master's heartbeat before it stops its users
 * @param tlsDir         the cluster's TLS material ({@code tls_dir}, default {@code conf/tls} of the install)
 */
public record SlaveOptions(String bindAddress, int registryPort, int objectPort, boolean allowLoopback,
                           Duration silenceTimeout, Path tlsDir) {

    public static final String PORT_KEY = "slave_port";
    public static final String OBJECT_PORT_KEY = "slave_object_port";
    public static final String SILENCE_KEY = "master_silence_timeout";
    public static final int DEFAULT_PORT = 1099;
    public static final int DEFAULT_OBJECT_PORT = 1100;
    public static final double DEFAULT_SILENCE_SECONDS = 30;

    /** Options from the config keys, listening on {@code bindAddress}. */
    public static SlaveOptions fromConfig(Config config, String bindAddress, boolean allowLoopback) {
        return new SlaveOptions(bindAddress, config.get(PORT_KEY, DEFAULT_PORT), config.get(OBJECT_PORT_KEY, DEFAULT_OBJECT_PORT),
                allowLoopback, ConfigDurations.seconds(config, SILENCE_KEY, DEFAULT_SILENCE_SECONDS),
                TlsDirectory.of(config));
    }

    public SlaveOptions withPorts(int registry, int object) {
        return new SlaveOptions(bindAddress, registry, object, allowLoopback, silenceTimeout, tlsDir);
    }
}
