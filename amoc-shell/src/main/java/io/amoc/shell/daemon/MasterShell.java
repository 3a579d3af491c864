package io.amoc.shell.daemon;

import io.amoc.config.Config;
import io.amoc.http.ApiServer;
import io.amoc.shell.command.Shell;
import io.amoc.shell.language.CommandRunner;
import io.amoc.shell.language.CompletionSource;
import io.amoc.shell.language.Interpreter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's one shell: the same commands and configuration as {@code bin/amoc console}, in one session that
 * every attached client shares.
 */
public final class MasterShell implements DaemonShell {

    private static final Logger log = LoggerFactory.getLogger(MasterShell.class);
    /** How long the running scenario gets to stop (and run terminate) when the daemon is stopped. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Shell shell;
    private final Interpreter session;
    private final Optional<ApiServer> api;

    private MasterShell(Shell shell, MasterApi api) {
        this.shell = shell;
        this.session = shell.newSession();
        this.api = api.start(shell.master());
    }

    /** The shell over {@code config}, which becomes this JVM's configuration, and its HTTP API. */
    public static MasterShell create(Path home, List<Path> scenarioDirs, Config config, MasterApi api) {
        Config.install(config);
        return new MasterShell(Shell.start(home, scenarioDirs, VarDir.of(home).resolve("scenarios"), config), api);
    }

    @Override
    public CommandRunner runner() {
        return session;
    }

    @Override
    public CompletionSource completions() {
        return shell.completions(session);
    }

    @Override
    public void close() throws InterruptedException {
        api.ifPresent(ApiServer::close);
        if (!shell.close(STOP_TIMEOUT)) {
            log.warn("the scenario did not stop within {} s; exiting anyway", STOP_TIMEOUT.toSeconds());
        }
    }
}
