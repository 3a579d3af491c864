package io.amoc.shell.cli;

import io.amoc.command.Master;
import io.amoc.config.Config;
import io.amoc.http.ApiServer;
import io.amoc.http.ApiTokens;
import io.amoc.shell.ShellRun;
import io.amoc.shell.TestMasters;
import io.amoc.shell.daemon.MasterApi;
import io.amoc.cluster.LocalNodeHandle;
import io.amoc.engine.NodeController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/amoc api-token, and the master's API as the console and the daemon start it from the configuration. */
class ApiTokenCommandTest {

    @TempDir
    Path home;

    @Test
    void apiTokenPrintsTheSameOwnerOnlyTokenUntilItIsRotated() throws Exception {
        ShellRun first = ShellRun.of(home, "", "api-token");
        assertEquals(0, first.exitStatus(), first.err());
        String token = first.out().strip();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(token, ShellRun.of(home, "", "api-token").out().strip());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("var").resolve(ApiTokens.FULL_FILE))));

        ShellRun rotated = ShellRun.of(home, "", "api-token", "--rotate");
        assertEquals(0, rotated.exitStatus(), rotated.err());
        assertNotEquals(token, rotated.out().strip());
        assertTrue(rotated.err().contains("the old one no longer works"), rotated.err());
        assertEquals(rotated.out(), ShellRun.of(home, "", "api-token").out());

        String read = ShellRun.of(home, "", "api-token", "--read").out().strip();
        assertNotEquals(rotated.out().strip(), read);
        assertEquals(read, ApiTokens.value(home.resolve("var"), ApiTokens.Access.READ));
    }

    @Test
    void theMastersApiListensWhereTheConfigurationSaysAndAPortInUseLeavesItOff() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Config config = new Config(Map.of(), Map.of("api_port", Integer.toString(port)));
        Master master = TestMasters.local(home, config, List.of(), new LocalNodeHandle(new NodeController("local")));
        try {
            Optional<ApiServer> api = MasterApi.configured(config, home).start(master);
            assertEquals(URI.create("http://127.0.0.1:" + port), api.orElseThrow().uri());
            HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    api.get().uri().resolve("/status")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());

            assertTrue(MasterApi.configured(config, home).start(master).isEmpty(), "the port is taken");
            api.get().close();
            assertTrue(MasterApi.configured(new Config(Map.of(), Map.of("api_port", "0")), home).start(master)
                    .isEmpty(), "api_port = 0 turns it off");
        } finally {
            master.close(java.time.Duration.ofSeconds(1));
        }
    }
}
