package io.amoc.rmi;

/**
 * A slave refused or failed a call for a domain reason. It carries only the one-line reason (no cause, no stack),
 * so nothing of the slave's scenario classes travels back to the master.
 */
public final class SlaveException extends Exception {

    public SlaveException(String reason) {
        super(reason, null, false, false);
    }
}
