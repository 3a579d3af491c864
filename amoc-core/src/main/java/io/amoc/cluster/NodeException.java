package io.amoc.cluster;

/** A call on one node failed; the message is the one-line reason, the cause is kept. */
public class NodeException extends Exception {

    private final String node;

    public NodeException(String node, String reason, Throwable cause) {
        super(reason, cause);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
