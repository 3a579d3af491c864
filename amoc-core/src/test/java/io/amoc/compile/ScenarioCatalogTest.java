package io.amoc.compile;

import io.amoc.engine.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioCatalogTest {

    private static final String VERSIONED = """
            import io.amoc.scenario.Scenario;

            public class Versioned implements Scenario<Void> {
                public static final String VERSION = "%s";

                @Override
                public void start(long userId, Void state) {
                }
            }
            """;

    private final ScenarioCatalog broken = new ScenarioCatalog(List.of(Fixtures.resourceDir("scenarios-broken")));

    @Test
    void scenariosAreNamedByTheSimpleNamesOfTheirClasses() {
        List<String> names = Fixtures.catalog().names();

        assertTrue(names.containsAll(List.of("SleepsForever", "CountsIterations", "FailsOnOddIds", "InitFails")), names.toString());
        assertFalse(names.contains("NotAScenarioHelper"), "helpers are not scenarios");
    }

    @Test
    void aScenarioInAPackageCompilesWithTheHelpersBesideIt() throws Exception {
        ScenarioCatalog packaged = new ScenarioCatalog(List.of(Fixtures.resourceDir("scenarios-packaged")));

        ScenarioBundle bundle = packaged.bundle("Packaged");

        assertEquals(List.of("Packaged"), packaged.names());
        assertEquals("org.example.Packaged", bundle.className());
        assertTrue(bundle.classBytes().containsKey("org.example.Greeting"), bundle.classBytes().keySet().toString());
        assertEquals("org.example.Packaged", new BundleClassLoader(bundle).scenarioClass().getName());
    }

    @Test
    void aCompileErrorIsDataWithFileLineAndColumn() {
        ScenarioCompileException error = assertThrows(ScenarioCompileException.class, () -> broken.bundle("Broken"));

        CompileDiagnostic diagnostic = error.diagnostics().get(0);
        assertTrue(diagnostic.file().endsWith("Broken.java"), diagnostic.file());
        assertEquals(7, diagnostic.line());
        assertEquals(21, diagnostic.column());
        assertTrue(diagnostic.message().contains("incompatible types"), diagnostic.message());
        assertTrue(diagnostic.format().endsWith("Broken.java:7:21: error: " + diagnostic.message()), diagnostic.format());
        assertEquals(diagnostic.format(), error.getMessage());
    }

    @Test
    void aScenarioImportingEngineInternalsDoesNotCompile() {
        ScenarioCompileException error = assertThrows(ScenarioCompileException.class, () -> broken.bundle("UsesEngine"));

        assertTrue(error.getMessage().contains("UsesEngine.java:1:"), error.getMessage());
        assertTrue(error.getMessage().contains("package io.amoc.engine does not exist"), error.getMessage());
    }

    @Test
    void aScenarioNamingConfigInternalsWithoutImportDoesNotCompile() {
        ScenarioCompileException error = assertThrows(ScenarioCompileException.class,
                () -> broken.bundle("UsesConfigInternals"));

        assertTrue(error.getMessage().contains("package io.amoc.config does not exist")
                || error.getMessage().contains("cannot find symbol"), error.getMessage());
    }

    @Test
    void theShaIsOverTheClassBytesInNameOrder() throws Exception {
        ScenarioBundle bundle = Fixtures.bundle("SleepsForever");

        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(bundle.classBytes()).entrySet()) {
            digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(e.getValue());
        }
        assertEquals(HexFormat.of().formatHex(digest.digest()), bundle.sha256());
        assertEquals(bundle.sha256(), BundleDigest.sha256(bundle.classBytes()), "the one public digest agrees");
    }

    @Test
    void theDigestDoesNotDependOnTheMapsOrderButOnEveryNameAndByte() {
        Map<String, byte[]> ab = new java.util.LinkedHashMap<>();
        ab.put("a.A", new byte[]{1, 2});
        ab.put("b.B", new byte[]{3});
        Map<String, byte[]> ba = new java.util.LinkedHashMap<>();
        ba.put("b.B", new byte[]{3});
        ba.put("a.A", new byte[]{1, 2});

        assertEquals(BundleDigest.sha256(ab), BundleDigest.sha256(ba));
        assertNotEquals(BundleDigest.sha256(ab), BundleDigest.sha256(Map.of("a.A", new byte[]{1, 2}, "b.B", new byte[]{4})));
        assertNotEquals(BundleDigest.sha256(ab), BundleDigest.sha256(Map.of("a.AB", new byte[]{2}, "b.B", new byte[]{3})),
                "a name and its bytes are not interchangeable with the next name's");
    }

    @Test
    void unchangedSourcesGiveTheCachedBundle() throws Exception {
        assertSame(Fixtures.catalog().bundle("CountsIterations"), Fixtures.catalog().bundle("CountsIterations"));
    }

    @Test
    void aChangedSourceGivesANewVersionInAFreshLoaderWhileTheOldOneKeepsItsOwn(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Versioned.java");
        Files.writeString(source, VERSIONED.formatted("one"));
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(dir));
        ScenarioBundle first = catalog.bundle("Versioned");

        Files.writeString(source, VERSIONED.formatted("two"));
        ScenarioBundle second = catalog.bundle("Versioned");

        assertNotEquals(first.sha256(), second.sha256());
        Class<?> oldClass = new BundleClassLoader(first).scenarioClass();
        Class<?> newClass = new BundleClassLoader(second).scenarioClass();
        assertNotSame(oldClass, newClass);
        assertEquals("one", oldClass.getField("VERSION").get(null));
        assertEquals("two", newClass.getField("VERSION").get(null));
    }

    @Test
    void namesThatAreNotJavaIdentifiersAreRefusedWithAHint() {
        for (String bad : List.of("../x", "a/b", "x.y", "class", "", "1abc")) {
            UnknownScenarioException error = assertThrows(UnknownScenarioException.class,
                    () -> Fixtures.catalog().bundle(bad));
            assertInstanceOf(InvalidScenarioNameException.class, error);
            assertTrue(error.getMessage().contains("is not a scenario name"), error.getMessage());
        }
    }

    @Test
    void anUnknownNameListsTheKnownScenarios() {
        UnknownScenarioException error = assertThrows(UnknownScenarioException.class,
                () -> Fixtures.catalog().bundle("NoSuchScenario"));

        assertTrue(error.getMessage().startsWith("unknown scenario 'NoSuchScenario': known are "), error.getMessage());
        assertTrue(error.getMessage().contains("SleepsForever"), error.getMessage());
    }

    @Test
    void aRecordCanBeAScenario(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Recorded.java"), """
                import io.amoc.scenario.Scenario;

                public record Recorded() implements Scenario<Void> {
                    @Override
                    public void start(long userId, Void state) {
                    }
                }
                """);
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(dir));

        assertEquals(List.of("Recorded"), catalog.names());
        assertEquals("Recorded", new BundleClassLoader(catalog.bundle("Recorded")).scenarioClass().getName());
    }

    @Test
    void theFirstDirectoryOfThePathThatDefinesANameWins(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Versioned.java"), VERSIONED.formatted("first"));
        Path later = Files.createDirectory(dir.resolve("later"));
        Files.writeString(later.resolve("Versioned.java"), VERSIONED.formatted("later"));
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(later));
        catalog.addDirectory(dir);

        Class<?> loaded = new BundleClassLoader(catalog.bundle("Versioned")).scenarioClass();

        assertEquals("later", loaded.getField("VERSION").get(null));
        assertEquals(List.of(later, dir), catalog.directories());
    }

    @Test
    void aStaticNestedClassCanBeAScenarioNamedByItsSimpleName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Holder.java"), """
                package org.example;

                import io.amoc.scenario.Scenario;

                public class Holder {
                    public static class Nested implements Scenario<Void> {
                        @Override
                        public void start(long userId, Void state) {
                        }
                    }

                    record AlsoNested() implements Scenario<Void> {
                        @Override
                        public void start(long userId, Void state) {
                        }
                    }
                }
                """);
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(dir));

        assertEquals(List.of("AlsoNested", "Nested"), catalog.names());
        ScenarioBundle bundle = catalog.bundle("Nested");
        assertEquals("org.example.Holder$Nested", bundle.className());
        Class<?> loaded = new BundleClassLoader(bundle).scenarioClass();
        assertEquals("Nested", loaded.getSimpleName());
        assertTrue(loaded.getDeclaredConstructor().newInstance() instanceof io.amoc.scenario.Scenario<?>);
        assertEquals("org.example.Holder$AlsoNested", catalog.bundle("AlsoNested").className());
        assertSame(bundle, catalog.bundle("Nested"), "an unchanged nested scenario is cached like any other");
    }

    @Test
    void anInnerClassIsRefusedWithAHintToDeclareItStatic(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Outer.java"), """
                import io.amoc.scenario.Scenario;

                public class Outer {
                    public class Inner implements Scenario<Void> {
                        @Override
                        public void start(long userId, Void state) {
                        }
                    }
                }
                """);
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(dir));

        ScenarioCompileException error = assertThrows(ScenarioCompileException.class, () -> catalog.bundle("Inner"));

        assertEquals(dir.resolve("Outer.java") + ":4:1: error: Outer.Inner is an inner class: declare it static,"
                + " so that amoc can create it with its no-argument constructor", error.getMessage());
    }

    @Test
    void aClassThatOnlyMentionsScenarioIsRefusedAsNotAScenario(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Mentions.java"), """
                import io.amoc.scenario.Scenario;
                import java.util.function.Supplier;

                public class Mentions implements Supplier<Scenario<Void>> {
                    @Override
                    public Scenario<Void> get() {
                        return null;
                    }
                }
                """);
        ScenarioCatalog catalog = new ScenarioCatalog(List.of(dir));

        ScenarioCompileException error = assertThrows(ScenarioCompileException.class, () -> catalog.bundle("Mentions"));

        assertEquals(dir.resolve("Mentions.java") + ":4:1: error: Mentions does not implement io.amoc.scenario.Scenario",
                error.getMessage());
    }
}
