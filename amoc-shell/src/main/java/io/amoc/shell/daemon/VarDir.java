package io.amoc.shell.daemon;

import java.nio.file.Path;

/**
 * Where the daemons keep pid, log, socket and token files: {@code -Damoc.var}, else environment
 * {@code AMOC_VAR_DIR}, else {@code var/} of the install.
 */
public final class VarDir {

    /** The system property a daemon JVM is started with, naming its var directory. */
    public static final String PROPERTY = "amoc.var";
    public static final String ENVIRONMENT_VARIABLE = "AMOC_VAR_DIR";

    private VarDir() {
    }

    public static Path of(Path home) {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        String variable = System.getenv(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable).toAbsolutePath().normalize();
        }
        return home.resolve("var").toAbsolutePath().normalize();
    }
}
