package io.amoc.engine;

/** The life of a scenario on a node: {@code idle -> running -> terminating -> finished}, or {@code failed}. */
public enum NodeState {
    IDLE, RUNNING, TERMINATING, FINISHED, FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
