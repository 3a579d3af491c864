package io.amoc.cluster;

import java.util.Optional;

/**
 * The outcome of taking a slave over from whichever master held it.
 *
 * @param view          the slave now
 * @param previousOwner the master it was taken from, empty when no other master held it
 */
public record TakeOver(NodeView view, Optional<String> previousOwner) {
}
