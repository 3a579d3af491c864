package io.amoc.compile;

import io.amoc.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLibrariesTest {

    @TempDir
    Path dir;

    @Test
    void aScenarioImportsAClassFromAJarInTheLibFolderBesideIt() throws Exception {
        Path scenarios = scenarioWithLibrary(dir.resolve("scenarios"), "Greets", "lib", "hello from v1");

        ScenarioBundle bundle = new ScenarioCatalog(List.of(scenarios)).bundle("Greets");

        assertEquals(List.of("greeting.jar"), List.copyOf(bundle.libraries().keySet()));
        assertEquals("hello from v1", initOf(bundle));
        assertEquals(BundleDigest.of(bundle), bundle.sha256(), "the SHA-256 covers the jar");
        assertNotEquals(BundleDigest.sha256(bundle.classBytes()), bundle.sha256(), "the jar changes the SHA-256");
    }

    @Test
    void twoScenariosUseTwoVersionsOfOneLibraryEachInItsOwnLoader() throws Exception {
        Path scenarios = dir.resolve("scenarios");
        scenarioWithLibrary(scenarios.resolve("old"), "GreetsTheOldWay", "lib", "version 1");
        scenarioWithLibrary(scenarios.resolve("new"), "GreetsTheNewWay", "lib", "version 2");
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(scenarios));

        assertEquals("version 1", initOf(catalog.bundle("GreetsTheOldWay")));
        assertEquals("version 2", initOf(catalog.bundle("GreetsTheNewWay")));
    }

    @Test
    void aJarInTheScenarioPathsLibFolderServesAScenarioInASubfolder() throws Exception {
        Path scenarios = dir.resolve("scenarios");
        LibraryJar.write(scenarios.resolve("lib/greeting.jar"), "shared");
        Files.createDirectories(scenarios.resolve("chat"));
        Files.writeString(scenarios.resolve("chat/GreetsFromBelow.java"), LibraryJar.scenarioSource("GreetsFromBelow"));

        assertEquals("shared", initOf(new ScenarioCatalog(List.of(scenarios)).bundle("GreetsFromBelow")));
    }

    @Test
    void aChangedJarIsANewVersion() throws Exception {
        Path scenarios = scenarioWithLibrary(dir.resolve("scenarios"), "Greets", "lib", "before");
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(scenarios));
        ScenarioBundle before = catalog.bundle("Greets");

        LibraryJar.write(scenarios.resolve("lib/greeting.jar"), "after, a longer text");
        ScenarioBundle after = catalog.bundle("Greets");

        assertNotEquals(before.sha256(), after.sha256());
        assertEquals("after, a longer text", initOf(after));
    }

    @Test
    void aFileThatIsNoJarIsOneLineNamingIt() throws Exception {
        Path scenarios = scenarioWithLibrary(dir.resolve("scenarios"), "Greets", "lib", "v1");
        Files.writeString(scenarios.resolve("lib/notes.jar"), "not a zip at all");

        ScenarioCompileException error = assertThrows(ScenarioCompileException.class,
                () -> new ScenarioCatalog(List.of(scenarios)).bundle("Greets"));

        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
        assertTrue(error.getMessage().contains("notes.jar: error: this is not a jar"), error.getMessage());
    }

    @Test
    void aLinkToAMissingJarIsOneLineNamingIt() throws Exception {
        Path scenarios = scenarioWithLibrary(dir.resolve("scenarios"), "Greets", "lib", "v1");
        Files.createSymbolicLink(scenarios.resolve("lib/gone.jar"), dir.resolve("nowhere.jar"));

        ScenarioCompileException error = assertThrows(ScenarioCompileException.class,
                () -> new ScenarioCatalog(List.of(scenarios)).bundle("Greets"));

        assertTrue(error.getMessage().contains("gone.jar: error: this jar is a link to a file that is not there"),
                error.getMessage());
    }

    @Test
    void jarsBeyondTheBundleLimitAreRefusedWithTheSizes() throws Exception {
        Path scenarios = scenarioWithLibrary(dir.resolve("scenarios"), "Greets", "lib", "v1");
        writeStoredJar(scenarios.resolve("lib/huge.jar"), ScenarioBundle.MAX_BYTES + 1024);

        ScenarioCompileException error = assertThrows(ScenarioCompileException.class,
                () -> new ScenarioCatalog(List.of(scenarios)).bundle("Greets"));

        assertTrue(error.getMessage().contains("huge.jar: error: the scenario's classes and jars come to 32.0 MiB"),
                error.getMessage());
        assertTrue(error.getMessage().contains("more than the 32.0 MiB"), error.getMessage());
    }

    @Test
    void aScenarioWhoseLibraryIsMissingSaysWhichPackageIsNotThere() throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("Greets.java"), LibraryJar.scenarioSource("Greets"));

        ScenarioCompileException error = assertThrows(ScenarioCompileException.class,
                () -> new ScenarioCatalog(List.of(scenarios)).bundle("Greets"));

        assertTrue(error.getMessage().contains("package org.example.greeting does not exist"), error.getMessage());
    }

    static Path scenarioWithLibrary(Path scenarioDir, String name, String libFolder, String text) throws IOException {
        Files.createDirectories(scenarioDir);
        Files.writeString(scenarioDir.resolve(name + ".java"), LibraryJar.scenarioSource(name));
        LibraryJar.write(scenarioDir.resolve(libFolder).resolve("greeting.jar"), text);
        return scenarioDir;
    }

    @SuppressWarnings("unchecked")
    private static Object initOf(ScenarioBundle bundle) throws Exception {
        Class<? extends Scenario<?>> type = new BundleClassLoader(bundle).scenarioClass();
        return ((Scenario<Object>) type.getDeclaredConstructor().newInstance()).init();
    }

    private static void writeStoredJar(Path jar, int bytes) throws IOException {
        byte[] noise = new byte[bytes];
        new Random(1).nextBytes(noise);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(0);
            zip.putNextEntry(new ZipEntry("noise.bin"));
            zip.write(noise);
            zip.closeEntry();
        }
    }
}
