package io.amoc.compile;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A real library jar made by a test: {@code org.example.greeting.Greeting.text()} returns the text it was built
 * with, so two builds are two versions of one library.
 */
public final class LibraryJar {

    /** The library's class, as a scenario imports it. */
    public static final String CLASS = "org.example.greeting.Greeting";

    private LibraryJar() {
    }

    /** Writes {@code jar} holding a Greeting whose text() is {@code text}. */
    public static Path write(Path jar, String text) throws IOException {
        Path work = Files.createTempDirectory("greeting-");
        Path source = work.resolve("src/org/example/greeting/Greeting.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package org.example.greeting;\npublic final class Greeting {\n"
                + "    public static String text() { return \"" + text + "\"; }\n}\n");
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, "--release", "21", "-d", classes.toString(), source.toString()) != 0) {
            throw new IllegalStateException("the library did not compile");
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The source of a scenario {@code name} whose {@code init} returns the library's text. */
    public static String scenarioSource(String name) {
        return """
                import io.amoc.scenario.AmocMetrics;
                import io.amoc.scenario.Scenario;
                import org.example.greeting.Greeting;

                public class %s implements Scenario<String> {
                    @Override
                    public String init() {
                        return Greeting.text();
                    }

                    @Override
                    public void start(long userId, String greeting) {
                        AmocMetrics.count("greeted_with_" + greeting);
                    }
                }
                """.formatted(name);
    }
}
