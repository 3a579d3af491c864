package io.amoc.shell.language;

/**
 * Runs one line of the command language. The console, piped scripts, {@code bin/amoc eval} and
 * {@code bin/amoc attach} all go through it, so they share one set of rules.
 */
@FunctionalInterface
public interface CommandRunner {

    /** Runs {@code line}; never throws for bad input (that is a failed {@link Reply}). */
    Reply run(String line);
}
