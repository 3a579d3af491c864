package io.amoc.shell.attach;

import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.Reply;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An attached client's view of the daemon's shell: {@code exit} detaches this client (the daemon and its users
 * keep running) instead of reaching the daemon; every other line runs there.
 */
public final class DetachingRunner implements CommandRunner {

    private static final Pattern EXIT = Pattern.compile("\\s*(exit|quit)\\s*(\\(\\s*\\))?\\s*;?\\s*");

    private final CommandRunner daemon;
    private volatile boolean detached;

    public DetachingRunner(CommandRunner daemon) {
        this.daemon = daemon;
    }

    @Override
    public Reply run(String line) {
        return run(line, told -> { });
    }

    @Override
    public Reply run(String line, Consumer<String> progress) {
        if (EXIT.matcher(line).matches()) {
            detached = true;
            return Reply.ok("");
        }
        return daemon.run(line, progress);
    }

    public boolean detached() {
        return detached;
    }
}
