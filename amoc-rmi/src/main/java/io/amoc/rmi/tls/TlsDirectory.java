package io.amoc.rmi.tls;

import io.amoc.config.Config;
import io.amoc.config.ConfigKeys;

import java.nio.file.Path;

/**
 * Where a member finds the cluster's TLS material: config {@code tls_dir} (env {@code AMOC_TLS_DIR}), by default
 * {@code conf/tls} of the install. A relative directory is taken from the install root ({@code amoc.home}, which
 * bin/amoc sets), so the slave daemon and the master find the same place whatever their working directory.
 */
public final class TlsDirectory {

    /** The default directory, {@code tls_dir}'s default in {@link ConfigKeys}. */
    public static final String DEFAULT = ConfigKeys.TLS_DIR.defaultValue().orElseThrow();
    /** The system property bin/amoc sets to the install root. */
    private static final String HOME_PROPERTY = "amoc.home";

    private TlsDirectory() {
    }

    /** The directory named by the config, relative ones under {@code home}. */
    public static Path of(Config config, Path home) {
        Path dir = Path.of(ConfigKeys.TLS_DIR.get(config));
        return (dir.isAbsolute() ? dir : home.resolve(dir)).toAbsolutePath().normalize();
    }

    /** The directory named by the config, relative ones under the install root of this JVM. */
    public static Path of(Config config) {
        return of(config, Path.of(System.getProperty(HOME_PROPERTY, ".")));
    }

    /** The one-line hint every "no material" error ends with. */
    static String howToCreate(Path dir) {
        return "create it with 'bin/amoc tls init" + (dir.endsWith(DEFAULT) ? "" : " --dir " + dir)
                + "', then copy " + dir + " to the master and every slave (or deploy with 'make deploy')";
    }
}
