package io.amoc.compile;

import java.nio.file.Path;

/**
 * A scenario class found by scanning the scenario path.
 *
 * @param name        the class's simple name, which names the scenario
 * @param packageName its package, or "" for none
 * @param file        the .java file that declares it
 * @param sourceRoot  the directory its package starts in (where other classes it uses are looked up)
 * @param line        the line of its declaration
 * @param pathDir     the directory of the scenario path it was found in (the file's own when scanned alone)
 */
record ScenarioSource(String name, String packageName, Path file, Path sourceRoot, int line, Path pathDir) {

    String binaryName() {
        return packageName.isEmpty() ? name : packageName + "." + name;
    }

    /** The same source, found in the scenario path's directory {@code dir}. */
    ScenarioSource foundIn(Path dir) {
        return new ScenarioSource(name, packageName, file, sourceRoot, line, dir.toAbsolutePath().normalize());
    }
}
