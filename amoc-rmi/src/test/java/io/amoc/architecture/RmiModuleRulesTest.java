package io.amoc.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.amoc.cluster.NodeHandle;
import io.amoc.rmi.RemoteNodeHandle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.RemoteException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

/**
 * The design's rules (section 2) for amoc-rmi's own classes: RMI stays inside {@code io.amoc.rmi}, a
 * {@code RemoteException} never leaves it through a node handle, and the module neither prints nor exits.
 */
class RmiModuleRulesTest {

    private static JavaClasses rmi;

    @BeforeAll
    static void importTheModulesClasses() throws IOException, URISyntaxException {
        rmi = new ClassFileImporter().importLocations(List.of(locationOf(RemoteNodeHandle.class)));
    }

    /** Where a class was loaded from: its module's classes directory, or its jar once the module is packaged. */
    static Location locationOf(Class<?> inModule) throws IOException, URISyntaxException {
        Path path = Path.of(inModule.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(path) ? Location.of(path) : Location.of(new JarFile(path.toFile()));
    }

    @Test
    void theModuleHasClassesToCheck() {
        if (!rmi.contain(RemoteNodeHandle.class)) {
            throw new AssertionError("amoc-rmi's classes were not imported: " + rmi.size() + " classes");
        }
    }

    @Test
    void onlyIoAmocRmiUsesJavaRmi() {
        noClasses().that().resideOutsideOfPackage("io.amoc.rmi..")
                .should().dependOnClassesThat().resideInAPackage("java.rmi..")
                .allowEmptyShould(true)
                .check(rmi);
    }

    @Test
    void remoteExceptionIsInNoPublicSignatureOfANodeHandle() {
        codeUnits().that().areDeclaredInClassesThat().implement(NodeHandle.class).and().arePublic()
                .should(notMentionRemoteException())
                .check(rmi);
    }

    @Test
    void theModuleNeverPrintsToTheConsole() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(rmi);
    }

    @Test
    void theModuleNeverExitsTheJvm() {
        noClasses().should().callMethod(System.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "exit", int.class)
                .orShould().callMethod(Runtime.class, "halt", int.class)
                .check(rmi);
    }

    /** Neither thrown, nor taken, nor returned: a {@code RemoteException} (or a subclass) is not in the signature. */
    private static ArchCondition<JavaCodeUnit> notMentionRemoteException() {
        return new ArchCondition<>("not have RemoteException in their signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream<JavaClass> types = Stream.concat(Stream.concat(
                                unit.getThrowsClause().getTypes().stream(),
                                unit.getRawParameterTypes().stream()),
                        Stream.of(unit.getRawReturnType()));
                types.filter(type -> type.isAssignableTo(RemoteException.class)).forEach(type ->
                        events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " has " + type.getName() + " in its signature")));
            }
        };
    }
}
