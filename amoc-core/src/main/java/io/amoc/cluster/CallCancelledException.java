package io.amoc.cluster;

/**
 * The caller gave up waiting for a node (its command was cancelled, e.g. with Ctrl-C). What the node was asked may
 * still happen there: the call was sent, only its answer is not awaited.
 */
public final class CallCancelledException extends NodeException {

    public CallCancelledException(String node) {
        super(node, node + ": cancelled while waiting for its answer (it may still do what it was asked)", null);
    }
}
