package io.amoc.http;

import io.amoc.command.Master;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The master's HTTP API (docs/http-api.md): Javalin on virtual threads, every route a thin mapping of JSON to one
 * operation of the command layer and back. Bearer tokens, Host and Origin checks ({@link AccessGuard}), HTTPS when
 * configured, an audit line per change ({@link AuditLog}), the OpenAPI document and Swagger UI at
 * {@code /api-docs}.
 *
 * <pre>{@code
 * ApiServer api = ApiServer.start(master, ApiOptions.from(config, home, varDir).orElseThrow());
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Set<HandlerType> OPERATIONS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final Javalin app;
    private final ApiOptions options;

    private ApiServer(Javalin app, ApiOptions options) {
        this.app = app;
        this.options = options;
    }

    /**
     * Listens as {@code options} say, the tokens made in {@code options.tokenDir()} if missing.
     *
     * @throws ApiStartException the address or port cannot be had (e.g. another amoc holds the port)
     * @throws IOException       the token files cannot be written or read
     */
    public static ApiServer start(Master master, ApiOptions options) throws ApiStartException, IOException {
        AccessGuard guard = new AccessGuard(ApiTokens.in(options.tokenDir()), options);
        List<Route> routes = new ArrayList<>();
        routes.addAll(StatusEndpoints.of(master));
        routes.addAll(ScenarioEndpoints.of(master));
        routes.addAll(ExecutionEndpoints.of(master));
        routes.addAll(DocsEndpoints.of());
        Javalin app = Javalin.create(config -> configure(config, options, guard, routes));
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw new ApiStartException("the HTTP API cannot listen on " + options.bind() + ":" + options.port()
                    + " (" + e.getMessage() + "): another amoc may hold it; set api_port to another port, or 0 to"
                    + " turn the API off", e);
        }
        ApiServer server = new ApiServer(app, options);
        LOG.info("HTTP API on {} (token: bin/amoc api-token; documentation: {}/api-docs)", server.uri(), server.uri());
        return server;
    }

    private static void configure(JavalinConfig config, ApiOptions options, AccessGuard guard, List<Route> routes) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.concurrency.useVirtualThreads = true;
        config.http.maxRequestSize = RequestBody.MAX_JSON_BYTES;
        config.http.prefer405over404 = true;
        config.jetty.addConnector((server, http) -> connector(server, http, options));
        config.jetty.modifyServer(server -> server.setErrorHandler(new ServerRefusals()));
        config.routes.before(guard::check);
        config.routes.after(AuditLog::record);
        routes.forEach(route -> config.routes.addHttpHandler(route.method(), route.path(), route.handler()));
        ErrorAnswers.register(config.routes);
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, ApiOptions options) {
        ServerConnector connector;
        if (options.tls().isPresent()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setSslContext(options.tls().get());
            // The cluster's certificate names amoc-cluster, not a host: clients choose the name, we do not check it.
            http.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, tls, new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(options.bind());
        connector.setPort(options.port());
        return connector;
    }

    /** The port it listens on (the one chosen when the options said 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://127.0.0.1:4000}, or https. */
    public URI uri() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return URI.create(options.scheme() + "://" + host + ":" + port());
    }

    /** The operations it serves, as {@code GET /status}, in the order they were added. */
    public List<String> operations() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(parsed -> parsed.endpoint)
                .filter(e -> OPERATIONS.contains(e.method))
                .map(e -> e.method.name() + " " + e.path).toList();
    }

    /** Stops listening; requests under way are answered first. */
    @Override
    public void close() {
        app.stop();
    }
}
