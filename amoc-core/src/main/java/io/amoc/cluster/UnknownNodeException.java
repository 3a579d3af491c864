package io.amoc.cluster;

import java.util.Collection;

/** A node is named that the directory does not have. */
public final class UnknownNodeException extends Exception {

    public UnknownNodeException(String node, Collection<String> known) {
        super("no node named " + node + (known.isEmpty() ? ": no nodes are connected (dist.connect(\"host:port\"))"
                : ": connected are " + String.join(", ", known)));
    }
}
