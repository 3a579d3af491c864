package io.amoc.command;

import java.time.Duration;

/**
 * What a front end hears while a start runs, to show its progress: a scenario's {@code init} runs on its own thread
 * and may take minutes (e.g. creating accounts), during which the start is silent otherwise.
 */
@FunctionalInterface
public interface StartListener {

    /** Hears nothing. */
    StartListener NONE = (scenario, elapsed) -> {
    };

    /**
     * The start still runs {@code scenario}'s {@code init} (on some node), {@code elapsed} after it began: first
     * after {@link InitProgress#FIRST_AFTER}, then every {@link InitProgress#EVERY} until the start returns. Called
     * on a thread of its own; the start may still be cancelled meanwhile (Ctrl-C interrupts the starting thread).
     */
    void initRunning(String scenario, Duration elapsed);
}
