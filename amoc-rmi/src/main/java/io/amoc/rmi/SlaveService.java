package io.amoc.rmi;

import io.amoc.compile.BundleDigest;
import io.amoc.compile.ScenarioBundle;
import io.amoc.config.Config;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeController;
import io.amoc.engine.NodeRunInfo;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.logs.RecentLines;
import io.amoc.metrics.NodeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The slave's remote object: each call goes to the node's {@link NodeController}, exactly as local mode does.
 * Domain errors become a {@link SlaveException} carrying only their one-line message.
 */
final class SlaveService implements RemoteNode {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveService.class);
    /** Scenario versions kept installed (the running one and a few recent ones). */
    private static final int INSTALLED_KEPT = 8;

    private final NodeController controller;
    private final MasterWatch watch;
    /** Heartbeats answered since the node failed for good: the second proves the master read the first. */
    private final java.util.concurrent.CountDownLatch beatsSinceFatalFailure = new java.util.concurrent.CountDownLatch(2);
    private final Map<String, ScenarioBundle> installed = new LinkedHashMap<>(INSTALLED_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScenarioBundle> eldest) {
            return size() > INSTALLED_KEPT;
        }
    };

    SlaveService(NodeController controller, MasterWatch watch) {
        this.controller = controller;
        this.watch = watch;
    }

    @Override
    public NodeStatus heartbeat(MasterIdentity master) throws SlaveException {
        if (master == null) {
            throw new SlaveException("a heartbeat must name its master");
        }
        watch.beat(master);
        NodeStatus status = guarded("heartbeat", controller::status);
        if (controller.outOfMemoryResponse().happened()) {
            beatsSinceFatalFailure.countDown();
        }
        return status;
    }

    /** Waits until the master has read the node's failure (two beats answered since), at most {@code patience}. */
    boolean awaitFailureReadByMaster(java.time.Duration patience) throws InterruptedException {
        return beatsSinceFatalFailure.await(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void release(MasterIdentity master) throws SlaveException {
        if (master == null) {
            throw new SlaveException("a release must name its master");
        }
        watch.release(master);
    }

    @Override
    public String takeOver(MasterIdentity master) throws SlaveException {
        if (master == null) {
            throw new SlaveException("a takeover must name its master");
        }
        return watch.takeOver(master).map(MasterIdentity::toString).orElse(null);
    }

    @Override
    public void install(ScenarioBundle bundle) throws SlaveException {
        if (bundle == null || bundle.classBytes() == null || bundle.sha256() == null) {
            throw new SlaveException("an incomplete scenario bundle was sent");
        }
        String actual = BundleDigest.of(bundle);
        if (!actual.equalsIgnoreCase(bundle.sha256())) {
            LOG.warn("refused scenario {}: announced SHA-256 {} but its classes hash to {}",
                    bundle.scenarioName(), bundle.sha256(), actual);
            throw new SlaveException("scenario " + bundle.scenarioName() + " refused: its classes hash to " + actual
                    + ", not the announced " + bundle.sha256() + " (corrupted or tampered in transit)");
        }
        synchronized (installed) {
            installed.put(actual, bundle);
        }
        LOG.info("installed scenario {} ({} classes, SHA-256 {})", bundle.scenarioName(), bundle.classBytes().size(), actual);
    }

    @Override
    public void start(String sha256, HashMap<String, Object> settings) throws SlaveException {
        ScenarioBundle bundle;
        synchronized (installed) {
            bundle = installed.get(sha256 == null ? "" : sha256.toLowerCase(java.util.Locale.ROOT));
        }
        if (bundle == null) {
            throw new SlaveException("no scenario with SHA-256 " + sha256 + " is installed here: install it first");
        }
        Map<String, Object> values = settings == null ? Map.of() : settings;
        guarded("start", () -> {
            controller.start(bundle, values);
            return null;
        });
        LOG.info("started scenario {} ({})", bundle.scenarioName(), bundle.sha256());
    }

    @Override
    public void addUsers(IdRange ids) throws SlaveException {
        if (ids == null) {
            throw new SlaveException("no ids were sent");
        }
        guarded("addUsers", () -> {
            controller.addUsers(ids);
            return null;
        });
    }

    @Override
    public long[] highestLiveIds(int count) throws SlaveException {
        return guarded("highestLiveIds", () -> controller.highestLiveIds(count));
    }

    @Override
    public RemovalReport removeUsers(long[] ids, boolean force) throws SlaveException {
        return guarded("removeUsers", () -> controller.removeUsers(ids == null ? new long[0] : ids, force));
    }

    @Override
    public void drain() throws SlaveException {
        guarded("drain", () -> {
            controller.drain();
            return null;
        });
    }

    @Override
    public void stop() throws SlaveException {
        guarded("stop", () -> {
            Optional<String> failed = controller.stop();
            if (failed.isPresent()) {
                throw new SlaveException(failed.get());
            }
            return null;
        });
    }

    @Override
    public NodeReport report(boolean withMetrics) throws SlaveException {
        return guarded("report", () -> new NodeReport(controller.status(),
                withMetrics ? Wire.snapshot(NodeMetrics.current().snapshot(controller.name())) : null));
    }

    @Override
    public ArrayList<FailureGroup> failures() throws SlaveException {
        return guarded("failures", () -> new ArrayList<>(controller.failures()));
    }

    @Override
    public NodeRunInfo runInfo() throws SlaveException {
        return guarded("runInfo", controller::runInfo);
    }

    @Override
    public void setConfig(String key, Object value) throws SlaveException {
        if (key == null || key.isBlank() || value == null) {
            throw new SlaveException("config.set needs a key and a value");
        }
        Config.global().set(key, value);
        LOG.info("config {} = {}", key, value);
    }

    @Override
    public ArrayList<String> recentLogLines(int count) {
        return new ArrayList<>(RecentLines.last(Math.max(0, Math.min(count, RecentLines.KEPT))));
    }

    /** Runs one controller call; its expected failures become one-line slave errors, the unexpected are logged. */
    private <T> T guarded(String call, ControllerCall<T> body) throws SlaveException {
        try {
            return body.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed on {}", call, controller.name(), e);
            throw new SlaveException(call + " failed on " + controller.name() + ": " + e);
        } catch (Exception e) {
            throw new SlaveException(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface ControllerCall<T> {
        T run() throws Exception;
    }
}
