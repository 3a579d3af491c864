package io.amoc.rmi;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;
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

    /** The registry port when none is configured ({@code slave_port}'s default). */
    public static final int DEFAULT_PORT = ConfigKeys.SLAVE_PORT.defaultValue().orElseThrow();

    /** Options from the config keys, listening on {@code bindAddress}. */
    public static SlaveOptions fromConfig(Config config, String bindAddress, boolean allowLoopback) {
        return new SlaveOptions(bindAddress, ConfigKeys.SLAVE_PORT.get(config), ConfigKeys.SLAVE_OBJECT_PORT.get(config),
                allowLoopback, ConfigKeys.MASTER_SILENCE_TIMEOUT.get(config), TlsDirectory.of(config));
    }

    public SlaveOptions withPorts(int registry, int object) {
        return new SlaveOptions(bindAddress, registry, object, allowLoopback, silenceTimeout, tlsDir);
    }
}
