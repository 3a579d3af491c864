package io.amoc.shell.cli;

import io.amoc.config.Config;
import io.amoc.config.ConfigValues;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The options of a command that runs a master's shell ({@code console}, {@code start}): scenarios and config. */
public final class MasterOptions {

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "A directory of scenario sources, searched after scenarios/ of the install (repeatable).")
    private List<Path> scenarioDirs = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: conf/amoc.properties of the install).")
    private Path configFile;

    public List<Path> scenarioDirs() {
        return scenarioDirs;
    }

    /** The --config file given, if any. */
    public Optional<Path> givenConfigFile() {
        return Optional.ofNullable(configFile);
    }

    /** The configuration file to read: --config, or conf/amoc.properties of the install. */
    public Path configFile(ShellEnvironment environment) {
        return configFile != null ? configFile : environment.defaultConfigFile();
    }

    /** What is wrong with the options, as one line with a hint, or empty. */
    public Optional<String> problem(ShellEnvironment environment) {
        for (Path dir : scenarioDirs) {
            if (!Files.isDirectory(dir)) {
                return Optional.of("--scenarios " + dir + ": no such directory (give a directory of .java files)");
            }
        }
        if (configFile != null && !Files.isRegularFile(configFile)) {
            return Optional.of("--config " + configFile + ": no such file (leave it out to use "
                    + environment.defaultConfigFile() + ")");
        }
        return Optional.empty();
    }

    /**
     * Checks the options and reads the configuration, installed as this JVM's; or says in one line on stderr what is
     * wrong (then empty: a usage error).
     */
    public Optional<Config> installedConfig(ShellEnvironment environment) {
        Optional<String> problem = problem(environment);
        if (problem.isPresent()) {
            environment.err().println("amoc: " + problem.get());
            return Optional.empty();
        }
        Optional<Config> read = readConfig(environment);
        read.ifPresent(Config::install);
        return read;
    }

    /** Reads the configuration, or says in one line on stderr why it cannot be used (then empty). */
    public Optional<Config> readConfig(ShellEnvironment environment) {
        return readOrSay(configFile(environment), environment);
    }

    /** {@link #read}, or one line on stderr saying why the file cannot be used (then empty). */
    public static Optional<Config> readOrSay(Path file, ShellEnvironment environment) {
        try {
            return Optional.of(read(file));
        } catch (UnreadableConfigException e) {
            environment.err().println("amoc: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads the environment and {@code file}, and checks the registered keys' values: a value that makes no sense
     * (e.g. {@code interarrival = -1}) is refused at start with one line naming it.
     */
    public static Config read(Path file) throws UnreadableConfigException {
        Config config;
        try {
            config = Config.fromEnvironmentAndFile(file);
        } catch (IOException e) {
            throw new UnreadableConfigException("cannot read " + file + ": " + e.getMessage() + " (fix it or pass --config FILE)");
        }
        List<String> problems = ConfigValues.problems(config, file.toString());
        if (!problems.isEmpty()) {
            String more = problems.size() == 1 ? "" : " and " + (problems.size() - 1) + " more";
            throw new UnreadableConfigException(problems.get(0) + more + ": fix it, or remove it for the default");
        }
        return config;
    }

    /** The configuration file cannot be read. */
    public static final class UnreadableConfigException extends Exception {
        public UnreadableConfigException(String message) {
            super(message);
        }
    }
}
