package io.amoc.config;

/** A bare word such as a scenario name or a named argument's key: letters, digits, '_', '.', '-', '/'. */
public record Word(String text) {

    @Override
    public String toString() {
        return text;
    }
}
