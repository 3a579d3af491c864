package io.amoc.compile;

import java.io.Serializable;

/**
 * One compile error, as data.
 *
 * @param file    the source file as found in the scenario path
 * @param line    1-based line, or 0 when javac gave none
 * @param column  1-based column, or 0 when javac gave none
 * @param message javac's message (may continue on further lines, as javac prints it)
 */
public record CompileDiagnostic(String file, long line, long column, String message) implements Serializable {

    /** The diagnostic as javac shows it: {@code File.java:3:5: error: message}. */
    public String format() {
        if (line <= 0) {
            return file + ": error: " + message;
        }
        if (column <= 0) {
            return file + ":" + line + ": error: " + message;
        }
        return file + ":" + line + ":" + column + ": error: " + message;
    }
}
