package io.amoc.rmi;

import io.amoc.rmi.tls.TlsFiles;
import io.amoc.rmi.tls.TlsMaterial;
import io.amoc.rmi.tls.TlsMaterialException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster's TLS material for the tests: made once per build under target/test-tls with the code of
 * {@code bin/amoc tls init}, and installed in the test JVM, the master's side of every test.
 */
final class TestTls {

    private static final Path DIR = Path.of("target", "test-tls").toAbsolutePath();
    private static TlsMaterial material;

    private TestTls() {
    }

    /** The directory of the material, made on first use; this JVM talks to slaves with it from now on. */
    static synchronized Path dir() throws TlsMaterialException {
        if (material == null) {
            material = readOrCreate();
            ClusterTls.install(material);
        }
        return DIR;
    }

    private static TlsMaterial readOrCreate() throws TlsMaterialException {
        if (Files.exists(DIR.resolve(TlsFiles.KEYSTORE))) {
            try {
                return TlsFiles.read(DIR);
            } catch (TlsMaterialException stale) {
                return TlsFiles.createCluster(DIR, true);
            }
        }
        return TlsFiles.createCluster(DIR, true);
    }
}
