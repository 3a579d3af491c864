package io.amoc.shell.bench;

import io.amoc.shell.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bin/amoc bench}: the benchmarks, one subcommand each; they print figures and assert nothing. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = EngineBenchCommand.class,
        description = "Benchmarks that print figures: 'bench engine' measures one node's engine.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("amoc: which benchmark? e.g. bin/amoc bench engine"
                + " (bin/amoc bench --help lists them)");
        return ExitCode.USAGE.status();
    }
}
