package io.amoc.shell.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** picocli set up the way every bin/amoc command runs: its streams, and one-line errors with the exit codes. */
final class CommandLines {

    private CommandLines() {
    }

    /** {@code command} writing to the environment's streams; a usage error and a fault each print one line. */
    static CommandLine configured(Object command, ShellEnvironment environment) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(environment.out(), true));
        line.setErr(new PrintWriter(environment.err(), true));
        line.setParameterExceptionHandler((e, arguments) -> {
            String qualified = e.getCommandLine().getCommandSpec().qualifiedName(" ");
            String name = "bin/" + (qualified.startsWith("amoc") ? qualified : "amoc " + qualified);
            environment.err().println("amoc: " + e.getMessage() + " (see: " + name + " --help)");
            return ExitCode.USAGE.status();
        });
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            environment.err().println("amoc: internal error: " + e + " (please report it)");
            return ExitCode.INTERNAL_ERROR.status();
        });
        return line;
    }
}
