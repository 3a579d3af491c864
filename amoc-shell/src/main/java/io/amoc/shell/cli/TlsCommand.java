package io.amoc.shell.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code bin/amoc tls}: the cluster's TLS material (its one subcommand is {@code init}). */
@Command(name = "tls", mixinStandardHelpOptions = true,
        description = {"The cluster's TLS material: every RMI connection between the master and its slaves is mutual"
                + " TLS with a private CA.", "Create it with bin/amoc tls init, then copy it to every member."})
public final class TlsCommand implements Callable<Integer> {

    private final ShellEnvironment environment;

    public TlsCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        environment.err().println("amoc: which tls command? bin/amoc tls init creates the material (see bin/amoc tls --help)");
        return ExitCode.USAGE.status();
    }
}
