package io.amoc.shell.language;

import java.util.function.Consumer;

/**
 * Runs one line of the command language. The console, piped scripts, {@code bin/amoc eval} and
 * {@code bin/amoc attach} all go through it, so they share one set of rules.
 */
@FunctionalInterface
public interface CommandRunner {

    /** Runs {@code line}; never throws for bad input (that is a failed {@link Reply}). */
    Reply run(String line);

    /**
     * Runs {@code line}, handing {@code progress} each line the command tells while it runs (a slow init still
     * running), before its reply; a runner that tells none runs it as {@link #run(String)}.
     */
    default Reply run(String line, Consumer<String> progress) {
        return run(line);
    }
}
