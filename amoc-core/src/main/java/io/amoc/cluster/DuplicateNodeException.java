package io.amoc.cluster;

/** A node is added to the directory under a name it already has. */
public final class DuplicateNodeException extends Exception {

    public DuplicateNodeException(String node) {
        super(node + " is already connected: see 'nodes'");
    }

    /** {@code node} is another name of {@code connected}, which is in the directory already. */
    public DuplicateNodeException(String node, String connected) {
        super(node + " is " + connected + ", which is already connected: see 'nodes'");
    }
}
