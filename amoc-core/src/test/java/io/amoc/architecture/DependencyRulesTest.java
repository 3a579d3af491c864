package io.amoc.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of the design (section 2), checked on amoc-core's classes. */
class DependencyRulesTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.amoc");
    }

    @Test
    void amocPackagesHaveNoCycles() {
        slices().matching("io.amoc.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theEngineNeverImportsSmackRmiJlineOrPicocli() {
        noClasses().that().resideInAPackage("io.amoc.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.jivesoftware..", "org.jxmpp..", "java.rmi..", "org.jline..", "picocli..")
                .check(core);
    }

    @Test
    void onlyTheXmppPackageUsesSmack() {
        noClasses().that().resideOutsideOfPackage("io.amoc.xmpp..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jivesoftware..")
                .check(core);
    }

    @Test
    void coreNeverPrintsToTheConsole() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(core);
    }

    @Test
    void coreNeverExitsTheJvm() {
        noClasses().should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .check(core);
    }

    @Test
    void coreNeverImportsRmi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.rmi..").check(core);
    }
}
