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
 */
record ScenarioSource(String name, String packageName, Path file, Path sourceRoot, int line) {

    String binaryName() {
        return packageName.isEmpty() ? name : packageName + "." + name;
    }
}
