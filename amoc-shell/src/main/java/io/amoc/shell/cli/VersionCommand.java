package io.amoc.shell.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** {@code bin/amoc version}: amoc's version and the Java it runs on. */
@Command(name = "version", description = "Print amoc's version and the Java it runs on.",
        mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class)
public final class VersionCommand implements Callable<Integer> {

    private final ShellEnvironment environment;

    public VersionCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    /** amoc's version from the jar's manifest ("dev" when run from classes). */
    public static String version() {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public Integer call() {
        environment.out().println("amoc " + version() + " (Java " + Runtime.version() + ", "
                + System.getProperty("java.home") + ")");
        return ExitCode.OK.status();
    }

    /** Gives picocli's --version the manifest's version. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"amoc " + version()};
        }
    }
}
