package io.amoc.shell.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bin/amoc slave console [slave options]}: the slave in the foreground, the same as {@code bin/amoc slave}. */
@Command(name = "console", mixinStandardHelpOptions = true,
        customSynopsis = "bin/amoc slave console [-h] [SLAVE OPTIONS: --bind=ADDR --port=P --object-port=P --allow-loopback --config=FILE]",
        description = "Run a slave in the foreground (the same as bin/amoc slave with these options); Ctrl-C ends it.")
public final class SlaveConsoleCommand implements Callable<Integer> {

    @Unmatched
    private List<String> slaveArguments = new ArrayList<>();

    private final ShellEnvironment environment;

    public SlaveConsoleCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return CommandLines.configured(new SlaveCommand(environment), environment)
                .execute(slaveArguments.toArray(String[]::new));
    }
}
