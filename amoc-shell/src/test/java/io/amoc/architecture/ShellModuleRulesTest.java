package io.amoc.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import io.amoc.engine.NodeController;
import io.amoc.http.ApiServer;
import io.amoc.rmi.RemoteNodeHandle;
import io.amoc.shell.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The design's rules (section 2) over the whole product (amoc-core, amoc-rmi, amoc-http and amoc-shell, main classes): no
 * package cycles, neither between amoc's packages nor between amoc-shell's (CLI, REPL, daemon, attach protocol,
 * command language, commands, rendering); only amoc-shell touches stdout/stderr (any of its classes may print), only
 * {@code io.amoc.shell.cli.Main} exits the JVM, and only amoc-rmi uses {@code java.rmi}.
 */
class ShellModuleRulesTest {

    private static final String SHELL = "io.amoc.shell..";

    private static JavaClasses product;

    @BeforeAll
    static void importTheProductsClasses() throws IOException, URISyntaxException {
        List<Location> modules = new ArrayList<>();
        for (Class<?> inModule : List.of(NodeController.class, RemoteNodeHandle.class, ApiServer.class, Main.class)) {
            modules.add(locationOf(inModule));
        }
        product = new ClassFileImporter().importLocations(modules);
    }

    /** Where a class was loaded from: its module's classes directory, or its jar once the module is packaged. */
    static Location locationOf(Class<?> inModule) throws IOException, URISyntaxException {
        Path path = Path.of(inModule.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(path) ? Location.of(path) : Location.of(new JarFile(path.toFile()));
    }

    @Test
    void everyModuleWasImported() {
        for (Class<?> inModule : List.of(NodeController.class, RemoteNodeHandle.class, ApiServer.class, Main.class)) {
            if (!product.contain(inModule)) {
                throw new AssertionError(inModule.getName() + " was not imported: " + product.size() + " classes");
            }
        }
    }

    @Test
    void amocsPackagesHaveNoCycles() {
        slices().matching("io.amoc.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void theShellsPackagesHaveNoCycles() {
        slices().matching("io.amoc.shell.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void theCommandLayerKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage("io.amoc.command..")
                .should().dependOnClassesThat().resideInAnyPackage("io.amoc.shell..", "io.amoc.rmi..", "io.amoc.http..",
                        "org.jline..", "picocli..", "io.javalin..")
                .check(product);
    }

    @Test
    void theHttpApiOnlyMapsJsonToTheCommandLayerAndKnowsNoOtherFrontEnd() {
        noClasses().that().resideInAPackage("io.amoc.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.amoc.shell..", "org.jline..", "picocli..")
                .orShould().dependOnClassesThat().belongToAnyOf(io.amoc.engine.NodeController.class,
                        io.amoc.cluster.Cluster.class, io.amoc.cluster.NodeHandle.class,
                        io.amoc.compile.ScenarioCatalog.class, io.amoc.rmi.Distribution.class)
                .check(product);
    }

    @Test
    void onlyTheShellPrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage(SHELL).should(ACCESS_STANDARD_STREAMS).check(product);
    }

    @Test
    void onlyMainExitsTheJvm() {
        noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .check(product);
    }

    @Test
    void onlyAmocRmiUsesJavaRmi() {
        noClasses().that().resideOutsideOfPackage("io.amoc.rmi..")
                .should().dependOnClassesThat().resideInAPackage("java.rmi..")
                .check(product);
    }
}
