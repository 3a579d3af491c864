package io.amoc.compile;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks the class a scenario name stands for among the classes its sources compiled to: the top-level class of that
 * name, else a nested class of that simple name in the same package ({@code Outer$Name}), which must be static so
 * amoc can create it without an enclosing instance.
 */
final class ScenarioClasses {

    private ScenarioClasses() {
    }

    /** The binary name of {@code source}'s scenario class in {@code classes}, verified to implement Scenario. */
    static String pick(ScenarioSource source, Map<String, byte[]> classes, Map<String, byte[]> libraries)
            throws ScenarioCompileException {
        if (classes.containsKey(source.binaryName())) {
            return verified(source, classes, libraries, source.binaryName());
        }
        List<String> nested = nestedCandidates(source, classes, libraries);
        if (nested.isEmpty()) {
            throw problem(source, source.binaryName() + " does not implement io.amoc.scenario.Scenario");
        }
        if (nested.size() > 1) {
            throw problem(source, "several nested classes are named " + source.name() + " (" + String.join(", ",
                    nested.stream().map(n -> n.replace('$', '.')).toList()) + "): rename all but one");
        }
        return verified(source, classes, libraries, nested.getFirst());
    }

    private static List<String> nestedCandidates(ScenarioSource source, Map<String, byte[]> classes,
                                                 Map<String, byte[]> libraries) {
        String packagePrefix = source.packageName().isEmpty() ? "" : source.packageName() + ".";
        List<String> found = new ArrayList<>();
        for (String binaryName : classes.keySet()) {
            if (binaryName.startsWith(packagePrefix) && binaryName.endsWith("$" + source.name())
                    && binaryName.indexOf('.', packagePrefix.length()) < 0
                    && load(classes, libraries, binaryName) != null) {
                found.add(binaryName);
            }
        }
        return found.stream().sorted().toList();
    }

    private static String verified(ScenarioSource source, Map<String, byte[]> classes, Map<String, byte[]> libraries,
                                   String binaryName) throws ScenarioCompileException {
        Class<?> loaded = load(classes, libraries, binaryName);
        if (loaded == null) {
            throw problem(source, binaryName.replace('$', '.') + " does not implement io.amoc.scenario.Scenario");
        }
        if (loaded.isMemberClass() && !Modifier.isStatic(loaded.getModifiers())) {
            throw problem(source, binaryName.replace('$', '.') + " is an inner class: declare it static, so that"
                    + " amoc can create it with its no-argument constructor");
        }
        return binaryName;
    }

    /** The class in a throwaway loader, or null when it does not load or is not a Scenario. */
    private static Class<?> load(Map<String, byte[]> classes, Map<String, byte[]> libraries, String binaryName) {
        ScenarioBundle probe = new ScenarioBundle(binaryName, binaryName, classes, "", libraries);
        try {
            return new BundleClassLoader(probe).scenarioClass();
        } catch (NotAScenarioException | ClassNotFoundException | LinkageError | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static ScenarioCompileException problem(ScenarioSource source, String message) {
        return new ScenarioCompileException(List.of(new CompileDiagnostic(source.file().toString(), source.line(), 1,
                message)));
    }
}
