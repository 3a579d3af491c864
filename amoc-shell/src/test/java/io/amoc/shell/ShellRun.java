package io.amoc.shell;

import io.amoc.shell.cli.Main;
import io.amoc.shell.cli.ShellEnvironment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs bin/amoc's Main in this JVM with a script on stdin, as a pipe would: the outcome and both streams. */
public record ShellRun(int exitStatus, String out, String err) {

    public static ShellRun of(Path home, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ShellEnvironment environment = new ShellEnvironment(home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int status = Main.run(environment, args);
        return new ShellRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
