package io.amoc.rmi;

import io.amoc.config.Config;
import io.amoc.engine.NodeController;
import io.amoc.metrics.MetricsReporting;
import io.amoc.logs.LogLevels;
import io.amoc.metrics.NodeMetrics;
import io.amoc.rmi.tls.TlsFiles;
import io.amoc.rmi.tls.TlsMaterial;
import io.amoc.rmi.tls.TlsMaterialException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.rmi.NoSuchObjectException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A slave: an RMI registry and one exported {@link RemoteNode} on fixed ports of one address, mutual TLS on both,
 * a filter on every call, no remote class loading, a watch that stops the users when the master falls silent, and
 * this JVM's metrics reported to Graphite while its config names one ({@code graphite_host}, local or pushed by the
 * master).
 */
public final class SlaveServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveServer.class);
    /** How many times per silence timeout the watch looks at the master. */
    private static final int CHECKS_PER_TIMEOUT = 10;
    private static final long MIN_CHECK_MILLIS = 20;
    private static final long MAX_CHECK_MILLIS = 1_000;

    private final SlaveOptions options;
    private final NodeController controller;
    private final MasterWatch watch;
    private final ScheduledExecutorService watchTimer;
    private final MetricsReporting reporting;
    private final Registry registry;
    private final SlaveService service;
    private final int registryPort;
    private final int objectPort;

    private SlaveServer(SlaveOptions options, NodeController controller, Registry registry, SlaveService service,
                        MasterWatch watch, int registryPort, int objectPort) {
        this.options = options;
        this.controller = controller;
        this.registry = registry;
        this.service = service;
        this.watch = watch;
        this.registryPort = registryPort;
        this.objectPort = objectPort;
        this.reporting = MetricsReporting.startFromConfig(NodeMetrics.current(), Config.global(),
                java.util.Optional.of(controller.name()));
        this.watchTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "amoc-master-watch");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.clamp(options.silenceTimeout().toMillis() / CHECKS_PER_TIMEOUT, MIN_CHECK_MILLIS, MAX_CHECK_MILLIS);
        watchTimer.scheduleAtFixedRate(watch::check, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts listening. The JVM's RMI settings are fixed here ({@code java.rmi.server.hostname},
     * {@code useCodebaseOnly}, the registry's limits), so start at most one slave per JVM.
     *
     * @param controllerFactory makes the node's controller from its name ({@code address:port})
     */
    public static SlaveServer start(SlaveOptions options, java.util.function.Function<String, NodeController> controllerFactory)
            throws SlaveStartException {
        InetAddress address = SlaveAddresses.checkBindable(options.bindAddress(), options.allowLoopback());
        TlsMaterial material = material(options.tlsDir());
        System.setProperty("java.rmi.server.hostname", address.getHostAddress());
        System.setProperty("java.rmi.server.useCodebaseOnly", "true");
        SerialFilters.installRegistryLimits();
        LogLevels.followConfig();
        ClusterTls.install(material);
        TlsServerSocketFactory registrySockets = new TlsServerSocketFactory(address, material);
        TlsServerSocketFactory objectSockets = new TlsServerSocketFactory(address, material);
        TlsClientSocketFactory clientSockets = new TlsClientSocketFactory();
        Registry registry;
        try {
            registry = LocateRegistry.createRegistry(options.registryPort(), clientSockets, registrySockets);
        } catch (RemoteException e) {
            throw new SlaveStartException("cannot listen on " + address.getHostAddress() + ":" + options.registryPort()
                    + " (" + rootMessage(e) + "): is another slave running? choose another --port", e);
        }
        int registryPort = registrySockets.lastPort();
        NodeController controller = controllerFactory.apply(address.getHostAddress() + ":" + registryPort);
        MasterWatch watch = new MasterWatch(options.silenceTimeout(), System::nanoTime, () -> stopUsers(controller),
                controller::stopOnItsOwn);
        SlaveService service = new SlaveService(controller, watch);
        try {
            RemoteNode stub = (RemoteNode) UnicastRemoteObject.exportObject(service, options.objectPort(),
                    clientSockets, objectSockets, SerialFilters.slaveInbound());
            registry.rebind(RemoteNode.BINDING, stub);
        } catch (RemoteException e) {
            unexport(registry);
            throw new SlaveStartException("cannot listen on " + address.getHostAddress() + ":" + options.objectPort()
                    + " (" + rootMessage(e) + "): choose another --object-port", e);
        }
        SlaveServer server = new SlaveServer(options, controller, registry, service, watch, registryPort, objectSockets.lastPort());
        LOG.info("slave {} listening: registry {}, object port {}, TLS material {}, master silence timeout {} ms",
                controller.name(), registryPort, server.objectPort, options.tlsDir(), options.silenceTimeout().toMillis());
        material.expiryWarning(Instant.now(), options.tlsDir()).ifPresent(LOG::warn);
        return server;
    }

    /** The slave's TLS material; without it the slave does not start (there is no plain mode). */
    private static TlsMaterial material(Path dir) throws SlaveStartException {
        try {
            return TlsFiles.read(dir);
        } catch (TlsMaterialException e) {
            throw new SlaveStartException(e.getMessage(), e);
        }
    }

    public String address() {
        return options.bindAddress();
    }

    public int registryPort() {
        return registryPort;
    }

    public int objectPort() {
        return objectPort;
    }

    /** The slave's node name: {@code address:registryPort}. */
    public String nodeName() {
        return controller.name();
    }

    /** The master this slave follows now, if any. */
    public java.util.Optional<MasterIdentity> master() {
        return watch.master();
    }

    /**
     * Runs {@code listener} with the reason when the node runs out of memory (in any thread of this JVM), after its
     * users were stopped and once its master has read the reason in a heartbeat, or after {@code patience} without
     * a master that reads it. The node is failed by then; the listener ends the process.
     */
    public void onOutOfMemory(java.time.Duration patience, java.util.function.Consumer<String> listener) {
        controller.outOfMemoryResponse().watchEveryThread();
        controller.outOfMemoryResponse().addListener(reason -> {
            try {
                if (!service.awaitFailureReadByMaster(patience)) {
                    LOG.warn("no master read the failure of {} within {} ms", controller.name(), patience.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener.accept(reason);
        });
    }

    /** Stops listening and stops the users. */
    @Override
    public void close() {
        watchTimer.shutdownNow();
        reporting.close();
        unexport(service);
        unexport(registry);
        stopUsers(controller);
        LOG.info("slave {} closed", controller.name());
    }

    private static void stopUsers(NodeController controller) {
        try {
            controller.stop();
        } catch (RuntimeException e) {
            LOG.error("stopping the users of {} failed", controller.name(), e);
        }
    }

    private static void unexport(java.rmi.Remote object) {
        try {
            UnicastRemoteObject.unexportObject(object, true);
        } catch (NoSuchObjectException alreadyGone) {
            LOG.debug("already unexported", alreadyGone);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof IOException && root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
