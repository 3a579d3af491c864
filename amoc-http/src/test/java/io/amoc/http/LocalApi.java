package io.amoc.http;

import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.config.Config;
import io.amoc.rmi.Distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A master with its own node and slaves over RMI (none until connected), and its API on a free loopback port: the
 * fixture of the API's tests. The scenario path holds the sources given.
 */
final class LocalApi implements AutoCloseable {

    final Master master;
    final ApiServer server;
    final Path tokens;

    private LocalApi(Master master, ApiServer server, Path tokens) {
        this.master = master;
        this.server = server;
        this.tokens = tokens;
    }

    /** {@code config} values as if from the file; {@code scenarios} as name to source. */
    static LocalApi start(Path dir, Map<String, String> config, Map<String, String> scenarios) throws Exception {
        Config settings = new Config(Map.of(), config);
        Config.install(settings);
        Path scenarioDir = Files.createDirectories(dir.resolve("scenarios"));
        scenarios.forEach((name, source) -> write(scenarioDir.resolve(name + ".java"), source));
        Master master = Master.start(MasterSetup.of(dir, List.of(scenarioDir), dir.resolve("uploads"), settings,
                Distribution::start));
        Path tokens = dir.resolve("var");
        ApiServer server = ApiServer.start(master, ApiOptions.loopback(0, tokens));
        return new LocalApi(master, server, tokens);
    }

    private static void write(Path file, String source) {
        try {
            Files.writeString(file, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String token(ApiTokens.Access access) throws IOException {
        return ApiTokens.value(tokens, access);
    }

    ApiClient client() throws IOException {
        return new ApiClient(server.uri(), token(ApiTokens.Access.FULL));
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        master.close(Duration.ofSeconds(5));
    }
}
