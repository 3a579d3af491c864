package io.amoc.shell.cli;

import io.amoc.rmi.tls.TlsFiles;
import io.amoc.shell.ShellRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/amoc tls init, and what a slave and a master's dist.* say without the material. */
class TlsCommandsTest {

    @TempDir
    Path home;

    @Test
    void tlsInitWritesOwnerOnlyMaterialValidForAYearAndSaysWhatToDoNext() throws Exception {
        Path dir = home.resolve("cluster-tls");

        ShellRun run = ShellRun.of(home, "", "tls", "init", "--dir", dir.toString());

        assertEquals(0, run.exitStatus(), run.err());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        for (Path file : TlsFiles.files(dir)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            assertTrue(run.out().contains(file.getFileName().toString()), run.out());
        }
        assertTrue(run.out().contains("next: copy " + dir), run.out());
        assertTrue(run.out().contains("make deploy"), run.out());
        java.time.Instant notAfter = TlsFiles.read(dir).notAfter();
        assertTrue(notAfter.isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(364))), notAfter.toString());
    }

    @Test
    void tlsInitRefusesToReplaceMaterialUnlessForced() throws Exception {
        Path dir = home.resolve("tls");
        assertEquals(0, ShellRun.of(home, "", "tls", "init", "--dir", dir.toString()).exitStatus());
        byte[] first = Files.readAllBytes(dir.resolve(TlsFiles.KEYSTORE));

        ShellRun again = ShellRun.of(home, "", "tls", "init", "--dir", dir.toString());

        assertEquals(ExitCode.COMMAND_FAILED.status(), again.exitStatus());
        assertTrue(again.err().contains("--force"), again.err());
        assertEquals(1, again.err().lines().count(), again.err());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve(TlsFiles.KEYSTORE)), "the material was replaced");

        assertEquals(0, ShellRun.of(home, "", "tls", "init", "--dir", dir.toString(), "--force").exitStatus());
        assertNotEquals(TlsFiles.read(dir).ca(), null);
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(dir.resolve(TlsFiles.KEYSTORE))));
    }

    @Test
    void tlsInitWritesToTheConfiguredTlsDirOfTheInstallByDefault() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/amoc.properties"), "tls_dir = \"secrets/tls\"\n");

        assertEquals(0, ShellRun.of(home, "", "tls", "init").exitStatus());

        assertTrue(Files.exists(home.resolve("secrets/tls").resolve(TlsFiles.KEYSTORE)));
    }

    @Test
    void aSlaveWithoutMaterialRefusesToStartWithOneLineNamingBothFixes() throws Exception {
        Path config = home.resolve("slave.properties");
        Files.writeString(config, "tls_dir = \"" + home.resolve("nothing-here") + "\"\n");

        ShellRun run = ShellRun.of(home, "", "slave", "--bind", "127.0.0.1", "--allow-loopback", "--port", "0",
                "--object-port", "0", "--config", config.toString());

        assertEquals(ExitCode.USAGE.status(), run.exitStatus());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("bin/amoc tls init"), run.err());
        assertTrue(run.err().contains("make deploy"), run.err());
    }

    @Test
    void aMastersDistCommandsWithoutMaterialSayTheSame() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/amoc.properties"), "tls_dir = \"" + home.resolve("nothing-here") + "\"\n");

        ShellRun run = ShellRun.of(home, "dist.connect(\"127.0.0.1:1\")\n", "console");

        assertEquals(ExitCode.COMMAND_FAILED.status(), run.exitStatus());
        assertTrue(run.err().contains("no TLS material in " + home.resolve("nothing-here")), run.err());
        assertTrue(run.err().contains("bin/amoc tls init") && run.err().contains("make deploy"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
