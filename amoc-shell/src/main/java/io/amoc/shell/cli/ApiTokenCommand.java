package io.amoc.shell.cli;

import io.amoc.http.ApiTokens;
import io.amoc.shell.daemon.VarDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code bin/amoc api-token [--read] [--rotate]}: prints the HTTP API's bearer token (made if missing), alone on a
 * line so that {@code $(bin/amoc api-token)} works; {@code --rotate} replaces it first.
 */
@Command(name = "api-token", mixinStandardHelpOptions = true,
        description = {"Print the HTTP API's bearer token (var/api.token, made if missing): every request but"
                + " GET /status needs it, e.g. curl -H \"Authorization: Bearer $(bin/amoc api-token)\" ...",
                "A running master takes a rotated token at its next request; the old one stops working."})
public final class ApiTokenCommand implements Callable<Integer> {

    @Option(names = "--read", description = "The token that may only read (GET), in var/api-read.token.")
    private boolean read;

    @Option(names = "--rotate", description = "Replace the token with a new one first.")
    private boolean rotate;

    private final ShellEnvironment environment;

    public ApiTokenCommand(ShellEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Path dir = VarDir.of(environment.home());
        ApiTokens.Access access = read ? ApiTokens.Access.READ : ApiTokens.Access.FULL;
        try {
            String token = rotate ? ApiTokens.rotate(dir, access) : ApiTokens.value(dir, access);
            environment.out().println(token);
            if (rotate) {
                environment.err().println("amoc: the " + access.label() + " token in " + dir + " is new; the old"
                        + " one no longer works (a running master takes the new one at its next request)");
            }
            return ExitCode.OK.status();
        } catch (IOException e) {
            environment.err().println("amoc: cannot read or write the API token in " + dir + ": " + e.getMessage()
                    + " (it must be writable by the user who runs amoc; AMOC_VAR_DIR chooses another directory)");
            return ExitCode.COMMAND_FAILED.status();
        }
    }
}
