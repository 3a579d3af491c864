package io.amoc.rmi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Which master a slave follows, and whether it has gone silent. The first master to beat owns the slave; another
 * master is refused until the owner releases the slave (a clean exit), falls silent for the timeout (a crash), or is
 * taken over explicitly. Each time a master is dropped, {@code onMasterGone} runs once (the slave stops its users),
 * or {@code onMasterSilent} with the reason when it fell silent; the slave then waits for any master.
 */
public final class MasterWatch {

    private static final Logger LOG = LoggerFactory.getLogger(MasterWatch.class);
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final Duration silenceTimeout;
    private final LongSupplier nanoClock;
    private final Runnable onMasterGone;
    private final Consumer<String> onMasterSilent;
    private MasterIdentity master;
    private long lastHeardNanos;

    /** A watch that does the same whether its master left, was taken over or fell silent. */
    public MasterWatch(Duration silenceTimeout, LongSupplier nanoClock, Runnable onMasterGone) {
        this(silenceTimeout, nanoClock, onMasterGone, silence -> onMasterGone.run());
    }

    /**
     * @param onMasterGone   runs when the master released the slave or another took it over
     * @param onMasterSilent runs instead when the master fell silent, with why ({@code no heartbeat for 30 s})
     */
    public MasterWatch(Duration silenceTimeout, LongSupplier nanoClock, Runnable onMasterGone,
                       Consumer<String> onMasterSilent) {
        this.silenceTimeout = silenceTimeout;
        this.nanoClock = nanoClock;
        this.onMasterGone = onMasterGone;
        this.onMasterSilent = onMasterSilent;
    }

    /**
     * A beat from {@code from}: accepted from the owner, or from anyone when the slave has no master. A master that
     * has been silent too long is dropped first (its users stopped), even when the periodic check has not run yet.
     */
    public void beat(MasterIdentity from) throws SlaveException {
        check();
        accept(from);
    }

    private synchronized void accept(MasterIdentity from) throws SlaveException {
        long now = nanoClock.getAsLong();
        if (master != null && !master.id().equals(from.id())) {
            throw new SlaveException("this slave follows master " + master + ", heard "
                    + (now - lastHeardNanos) / NANOS_PER_MILLI + " ms ago; it takes a new master after "
                    + silenceTimeout.toMillis() + " ms of silence (master_silence_timeout), or at once if that master"
                    + " crashed: dist.connect(\"host:port\", takeover=true)");
        }
        if (master == null) {
            LOG.info("following master {}", from);
        }
        master = from;
        lastHeardNanos = now;
    }

    /** The owner leaves: the slave stops its users and follows no master. Returns whether {@code from} owned it. */
    public boolean release(MasterIdentity from) {
        synchronized (this) {
            if (master == null || !master.id().equals(from.id())) {
                LOG.info("master {} released this slave, which it did not own (owner: {})", from,
                        master == null ? "none" : master);
                return false;
            }
            master = null;
        }
        LOG.info("master {} released this slave: stopping the users; waiting for a master", from);
        onMasterGone.run();
        return true;
    }

    /**
     * {@code from} owns the slave from now on. Returns the master it took the slave from, whose users are stopped;
     * empty when the slave had no master or was already {@code from}'s.
     */
    public Optional<MasterIdentity> takeOver(MasterIdentity from) {
        MasterIdentity previous;
        synchronized (this) {
            previous = master;
            master = from;
            lastHeardNanos = nanoClock.getAsLong();
        }
        if (previous == null || previous.id().equals(from.id())) {
            LOG.info("following master {}", from);
            return Optional.empty();
        }
        LOG.warn("master {} takes this slave over from master {}: stopping that master's users", from, previous);
        onMasterGone.run();
        return Optional.of(previous);
    }

    /** The master followed now, if any. */
    public synchronized Optional<MasterIdentity> master() {
        return Optional.ofNullable(master);
    }

    /** Drops a master silent for longer than the timeout and runs {@code onMasterGone}; returns whether it did. */
    public boolean check() {
        MasterIdentity dropped;
        synchronized (this) {
            if (master == null || !silentAt(nanoClock.getAsLong())) {
                return false;
            }
            dropped = master;
            master = null;
        }
        LOG.warn("master {} has been silent for more than {} ms (master_silence_timeout): stopping the users;"
                + " waiting for a master", dropped, silenceTimeout.toMillis());
        onMasterSilent.accept("no heartbeat for " + RmiTimeouts.inSeconds(silenceTimeout));
        return true;
    }

    private boolean silentAt(long nowNanos) {
        return nowNanos - lastHeardNanos > silenceTimeout.toNanos();
    }
}
