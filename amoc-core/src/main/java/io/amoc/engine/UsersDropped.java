package io.amoc.engine;

import java.io.Serializable;

/**
 * A node stopped the users of its run on its own, outside any command: a slave whose master fell silent. The node
 * keeps saying so in its status until a master stops its run, so that the master can show it and count those users.
 *
 * @param atMillis when (epoch milliseconds, the node's clock)
 * @param users    how many users were alive then
 * @param scenario the scenario they ran
 * @param reason   why, e.g. {@code no heartbeat for 30 s}
 */
public record UsersDropped(long atMillis, long users, String scenario, String reason) implements Serializable {
}
