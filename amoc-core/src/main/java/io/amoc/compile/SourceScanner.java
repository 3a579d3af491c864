package io.amoc.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds scenario classes in a directory of sources by a cheap look at the text: a class that
 * {@code implements ... Scenario}. The compiler verifies the find (the class must really implement it).
 */
final class SourceScanner {

    private static final int MAX_DEPTH = 8;
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern SCENARIO_CLASS = Pattern.compile(
            "\\b(?:class|record)\\s+(\\w+)[^{;]*?\\bimplements\\b[^{;]*?\\bScenario\\b");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private SourceScanner() {
    }

    /** The .java files under {@code dir}, skipping build output ({@code target}) and hidden directories. */
    static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !skipped(dir.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean skipped(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String part = relative.getName(i).toString();
            if (part.equals("target") || part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The scenario classes declared in {@code file}. */
    static List<ScenarioSource> scenarios(Path file) {
        try {
            return scenarios(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The scenario classes declared in {@code text}, the content of {@code file}. */
    static List<ScenarioSource> scenarios(Path file, String text) {
        String code = blankComments(text);
        Matcher pkg = PACKAGE.matcher(code);
        String packageName = pkg.find() ? pkg.group(1) : "";
        Path root = sourceRoot(file, packageName);
        List<ScenarioSource> found = new ArrayList<>();
        Matcher m = SCENARIO_CLASS.matcher(code);
        while (m.find()) {
            found.add(new ScenarioSource(m.group(1), packageName, file, root, lineOf(code, m.start()),
                    file.toAbsolutePath().getParent()));
        }
        return found;
    }

    /** Comments replaced by blanks of the same length, so offsets and lines stay the same. */
    private static String blankComments(String text) {
        Matcher m = COMMENTS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The directory the package starts in when the file sits in its package's directories, else the file's own. */
    private static Path sourceRoot(Path file, String packageName) {
        Path dir = file.toAbsolutePath().getParent();
        if (packageName.isEmpty()) {
            return dir;
        }
        Path packagePath = Path.of(packageName.replace('.', '/'));
        return dir.endsWith(packagePath) ? root(dir, packagePath.getNameCount()) : dir;
    }

    private static Path root(Path dir, int levels) {
        Path root = dir;
        for (int i = 0; i < levels; i++) {
            root = root.getParent();
        }
        return root;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
