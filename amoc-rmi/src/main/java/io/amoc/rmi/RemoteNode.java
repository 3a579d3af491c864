package io.amoc.rmi;

import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.FailureGroup;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeRunInfo;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import io.amoc.metrics.MetricsSnapshot;

import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * What a slave offers its master over RMI. Every argument and result is one of the few types the slave's
 * serial filter allows ({@link SerialFilters}); a domain error comes back as a {@link SlaveException}
 * whose message is the slave's one-line reason.
 */
public interface RemoteNode extends Remote {

    /** The name the slave's object is bound under in its registry. */
    String BINDING = "amoc-node";

    /**
     * Tells the slave its master is alive. The first master to beat owns the slave until it falls silent for
     * {@code master_silence_timeout}; a beat from another master meanwhile is refused.
     *
     * @return the slave's status, which the master shows in {@code nodes}
     */
    NodeStatus heartbeat(MasterIdentity master) throws RemoteException, SlaveException;

    /**
     * The master leaves the slave: if it is the slave's master, the slave stops its users and follows no master, so
     * the next master may drive it at once. From another master it changes nothing.
     */
    void release(MasterIdentity master) throws RemoteException, SlaveException;

    /**
     * Makes {@code master} the slave's master now, whoever held it: the users of the previous master's run are
     * stopped.
     *
     * @return the previous master ({@link MasterIdentity#toString()}), or null when the slave followed none or
     * already followed {@code master}
     */
    String takeOver(MasterIdentity master) throws RemoteException, SlaveException;

    /** Stores a compiled scenario; the slave recomputes the SHA-256 and refuses a bundle that does not match. */
    void install(ScenarioBundle bundle) throws RemoteException, SlaveException;

    /** Starts the installed scenario with this SHA-256: applies the settings to the slave's config, runs init. */
    void start(String sha256, HashMap<String, Object> settings) throws RemoteException, SlaveException;

    /** Starts users with exactly these ids. */
    void addUsers(IdRange ids) throws RemoteException, SlaveException;

    /** Up to {@code count} of the highest live ids, highest first. */
    long[] highestLiveIds(int count) throws RemoteException, SlaveException;

    /** Stops these users, gently or by force. */
    RemovalReport removeUsers(long[] ids, boolean force) throws RemoteException, SlaveException;

    /** Drains the run before its stop: its users send no more stamped messages. */
    void drain() throws RemoteException, SlaveException;

    /** Stops every user and terminates the scenario. */
    void stop() throws RemoteException, SlaveException;

    /** The slave's status, with its metrics when asked. */
    NodeReport report(boolean withMetrics) throws RemoteException, SlaveException;

    /** Sets a run-time config value on the slave. */
    void setConfig(String key, Object value) throws RemoteException, SlaveException;

    /** The last {@code count} lines the slave's JVM logged, oldest first. */
    ArrayList<String> recentLogLines(int count) throws RemoteException, SlaveException;

    /** The users of the slave's current (or last) run that failed, grouped by cause, the largest group first. */
    ArrayList<FailureGroup> failures() throws RemoteException, SlaveException;

    /** The slave's Java and amoc version, and when its generator was overloaded during its current (or last) run. */
    NodeRunInfo runInfo() throws RemoteException, SlaveException;

    /** A node's status and, when asked for, its metrics (else null). */
    record NodeReport(NodeStatus status, MetricsSnapshot metrics) implements java.io.Serializable {
    }
}
