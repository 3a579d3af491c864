package io.amoc.rmi;

import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Who a master is: a slave follows one master at a time and names it in its log.
 *
 * @param id          unique per master process
 * @param description host and process, for people reading logs
 */
public record MasterIdentity(String id, String description) implements Serializable {

    /** Characters of the id shown in logs. */
    private static final int SHORT_ID = 8;

    /** A new identity for this process. */
    public static MasterIdentity ofThisProcess() {
        return new MasterIdentity(UUID.randomUUID().toString(), ManagementFactory.getRuntimeMXBean().getName());
    }

    @Override
    public String toString() {
        return description + " (" + id.substring(0, Math.min(SHORT_ID, id.length())) + ")";
    }
}
