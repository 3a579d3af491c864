package io.amoc.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.amoc.config.Config;
import io.amoc.logs.RecentLines;
import io.amoc.rmi.SlaveProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens, Host and Origin checks, TLS and the refusal to listen in the clear beyond loopback, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityTest {

    @TempDir
    static Path dir;
    private LocalApi api;
    private ApiClient full;

    @BeforeAll
    void start() throws Exception {
        api = LocalApi.start(dir, Map.of("interarrival", "0"), Map.of());
        full = api.client();
    }

    @AfterAll
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void theTokensAreMadeAtTheFirstStartReadableOnlyByTheirOwner() throws Exception {
        for (String file : new String[]{ApiTokens.FULL_FILE, ApiTokens.READ_FILE}) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(api.tokens.resolve(file))));
        }
        assertNotEquals(api.token(ApiTokens.Access.FULL), api.token(ApiTokens.Access.READ));
    }

    @Test
    void statusAnswersWithoutATokenAndEverythingElseNeedsOne() throws Exception {
        ApiClient anonymous = full.withToken(null);
        JsonNode status = anonymous.get("/status").expect(200);
        assertEquals("up", status.path("amoc_status").asText());
        assertFalse(status.has("local"), "no details without a token: " + status);

        ApiClient.Answer refused = anonymous.get("/scenarios");
        refused.expect(401);
        assertEquals("Bearer realm=\"amoc\"", refused.headers().get("www-authenticate").getFirst());
        assertTrue(refused.json().path("error").asText().contains("bin/amoc api-token"), refused.text());
        full.withToken("not-the-token").get("/scenarios").expect(401);
        full.withToken("not-the-token").get("/status").expect(401);
        anonymous.upload(Sources.SLEEPS_UNTIL_REMOVED).expect(401);

        JsonNode details = full.get("/status").expect(200);
        assertEquals("idle", details.path("local").get(0).path("state").asText(), details.toString());
        assertEquals(0, details.path("users").asLong());
    }

    @Test
    void aReadTokenReadsButMayNotUploadOrStart() throws Exception {
        ApiClient reader = full.withToken(api.token(ApiTokens.Access.READ));
        reader.get("/scenarios").expect(200);
        JsonNode refused = reader.upload(Sources.SLEEPS_UNTIL_REMOVED.replace("SleepsUntilRemoved", "NeverUploaded"))
                .expect(403);
        assertTrue(refused.path("error").asText().startsWith("this token may only read"), refused.toString());
        reader.json("PATCH", "/execution/start", "{\"scenario\": \"SleepsUntilRemoved\", \"users\": 1}").expect(403);
        assertFalse(full.get("/scenarios").text().contains("NeverUploaded"), "the refused upload changed nothing");
    }

    @Test
    void aChangeNamingAnotherHostOrSentFromAnotherSitesPageIsRefused() throws Exception {
        byte[] source = Sources.SLEEPS_UNTIL_REMOVED.getBytes(StandardCharsets.UTF_8);
        JsonNode rebound = full.send("PUT", "/scenarios/upload", null, source, "Host", "evil.example:4000").expect(403);
        assertTrue(rebound.path("error").asText().startsWith("Host evil.example is not a name of this API"),
                rebound.toString());
        JsonNode foreign = full.send("PUT", "/scenarios/upload", null, source, "Origin", "http://evil.example")
                .expect(403);
        assertTrue(foreign.path("error").asText().startsWith("a page of http://evil.example may not change"),
                foreign.toString());
        full.get("/scenarios").expect(200);
        full.send("GET", "/scenarios", null, new byte[0], "Origin", "http://evil.example").expect(200);

        String sameOrigin = api.server.uri().toString();
        full.send("PUT", "/scenarios/upload", null, source, "Origin", sameOrigin).expect(200);
        full.send("PUT", "/scenarios/upload", null, source, "Host", "localhost:" + api.server.port()).expect(200);
    }

    @Test
    void whatARequestCarriesCannotForgeALineOfTheAuditLog() throws Exception {
        String marker = "forged-" + System.nanoTime();
        String forged = "\n2026-12-01 03:15:01.239 [INFO] audit - who=full:000000000000 from=10.6.6.6 " + marker;
        full.json("PATCH", "/execution/start", "{\"scenario\": " + Json.MAPPER.writeValueAsString("NoSuch" + forged)
                + ", \"users\": 1}").expect(400);
        full.json("PATCH", "/execution/update_settings", "{\"settings\": {"
                + Json.MAPPER.writeValueAsString("key\r" + marker) + ": 1}}").expect(400);

        List<String> lines = RecentLines.last(RecentLines.KEPT).stream().filter(l -> l.contains(marker)).toList();
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            assertTrue(line.contains("[INFO] audit - who=full:"), line);
            assertTrue(line.chars().noneMatch(c -> c == '\n' || c == '\r'), "one line: " + line);
        }
        assertTrue(lines.get(0).contains("scenario=\"NoSuch\\n2026-12-01"), lines.get(0));
        assertTrue(lines.get(1).contains("keys=\"key\\r" + marker + "\""), lines.get(1));
    }

    @Test
    void aRotatedTokenReplacesTheOldOneAtOnce() throws Exception {
        String old = api.token(ApiTokens.Access.READ);
        String rotated = ApiTokens.rotate(api.tokens, ApiTokens.Access.READ);

        full.withToken(old).get("/scenarios").expect(401);
        full.withToken(rotated).get("/scenarios").expect(200);
        full.get("/scenarios").expect(200);
    }

    @Test
    void beyondLoopbackTheApiRefusesToStartWithoutTlsAndSaysHowToFixIt() throws Exception {
        Config config = new Config(Map.of(), Map.of("api_bind", "\"0.0.0.0\""));
        ApiConfigException refused = assertThrows(ApiConfigException.class,
                () -> ApiOptions.from(config, dir, dir.resolve("var")));
        assertEquals("the HTTP API would listen on 0.0.0.0 without TLS, sending its token in the clear: set api_tls ="
                + " on (HTTPS with the cluster's material of bin/amoc tls init, or api_keystore), or api_bind ="
                + " 127.0.0.1, or api_port = 0 to turn the API off", refused.getMessage());
        assertTrue(ApiOptions.from(new Config(Map.of(), Map.of("api_port", "0")), dir, dir).isEmpty(), "off");
        assertTrue(ApiOptions.from(new Config(Map.of(), Map.of("api_bind", "\"0.0.0.0\"",
                "api_insecure_in_container", "true")), dir, dir).isPresent(), "the explicit switch");
    }

    @Test
    void withTlsOnTheApiSpeaksHttpsWithTheClustersMaterial() throws Exception {
        Config config = new Config(Map.of(), Map.of("api_tls", "on", "api_port", "1",
                "tls_dir", "\"" + SlaveProcess.tlsDir() + "\""));
        ApiOptions configured = ApiOptions.from(config, dir, dir.resolve("var")).orElseThrow();
        assertEquals(java.util.List.of("amoc-cluster"), configured.hosts(), "the certificate's name is a name of it");
        ApiOptions options = new ApiOptions(configured.bind(), 0, configured.tls(), configured.hosts(),
                configured.tokenDir());
        try (ApiServer server = ApiServer.start(api.master, options)) {
            assertEquals("https", server.uri().getScheme());
            HttpsURLConnection https = (HttpsURLConnection) server.uri().resolve("/status").toURL().openConnection();
            https.setSSLSocketFactory(trustingTheClusterCa().getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);   // the certificate names amoc-cluster
            try (InputStream in = https.getInputStream()) {
                assertEquals(200, https.getResponseCode());
                assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"amoc_status\":\"up\""));
            }
            ApiClient plain = new ApiClient(URI.create("http://" + server.uri().getAuthority()), null);
            assertThrows(java.io.IOException.class, () -> plain.get("/status"), "no plain HTTP on the TLS port");
        }
    }

    private static SSLContext trustingTheClusterCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", io.amoc.rmi.tls.TlsFiles.read(Path.of(SlaveProcess.tlsDir())).ca());
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
