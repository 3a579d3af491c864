package io.amoc.shell.daemon;

import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.http.ApiConfigException;
import io.amoc.http.ApiOptions;
import io.amoc.http.ApiServer;
import io.amoc.http.ApiStartException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The HTTP API of a master that the console or the daemon runs: configured from {@code api_*} (a configuration
 * that would expose it without TLS stops the start, with the fix), started once the master is, and closed with it.
 * A port another amoc already holds does not stop the shell: it goes on without the API and says so.
 */
public final class MasterApi {

    private static final Logger LOG = LoggerFactory.getLogger(MasterApi.class);

    private final Optional<ApiOptions> options;

    private MasterApi(Optional<ApiOptions> options) {
        this.options = options;
    }

    /**
     * The API the configuration asks for (none when {@code api_port = 0}).
     *
     * @throws ApiConfigException the configuration is refused (e.g. a public address without TLS)
     */
    public static MasterApi configured(Config config, Path home) throws ApiConfigException {
        return new MasterApi(ApiOptions.from(config, home, VarDir.of(home)));
    }

    /** Starts it over {@code master}; empty (after a warning in the log) when it cannot listen. */
    public Optional<ApiServer> start(Master master) {
        if (options.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ApiServer.start(master, options.get()));
        } catch (ApiStartException | IOException e) {
            LOG.warn("{}; going on without the HTTP API", e.getMessage());
            return Optional.empty();
        }
    }
}
