package io.amoc.cluster;

/** The node did not answer (down, refused, timed out); the transport's exception is the cause. */
public final class NodeUnreachableException extends NodeException {

    public NodeUnreachableException(String node, Throwable cause) {
        super(node, node + " is unreachable: " + cause.getMessage(), cause);
    }
}
