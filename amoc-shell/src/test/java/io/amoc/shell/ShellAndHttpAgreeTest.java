package io.amoc.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.command.RunStarted;
import io.amoc.command.Target;
import io.amoc.config.Config;
import io.amoc.engine.IdRange;
import io.amoc.engine.RemovalReport;
import io.amoc.http.ApiOptions;
import io.amoc.http.ApiServer;
import io.amoc.http.ApiTokens;
import io.amoc.rmi.Distribution;
import io.amoc.rmi.SlaveProcess;
import io.amoc.shell.command.Shell;
import io.amoc.shell.language.Interpreter;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.ClusterResults;
import io.amoc.shell.render.RunView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One scripted distributed run (start 1..6, add 3, remove 2 by force, status, stop) on two real slaves, through the
 * shell and then through HTTP: each step's answer per node is the same (the HTTP answers rendered with the shell's
 * own renderer give the shell's text), and so is every node's status after it.
 */
class ShellAndHttpAgreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = "SleepsForAMinute";

    @TempDir
    Path dir;

    /** What a front end reported at each step, and each node's status after it. */
    private record Run(List<String> answers, List<Map<String, List<Object>>> statuses) {
    }

    @Test
    void theSameScriptThroughTheShellAndThroughHttpGivesTheSamePerNodeResults() throws Exception {
        try (SlaveProcess first = SlaveProcess.start(dir.resolve("slave-1"), Duration.ofSeconds(30));
             SlaveProcess second = SlaveProcess.start(dir.resolve("slave-2"), Duration.ofSeconds(30))) {
            Config config = new Config(Map.of(), Map.of("interarrival", "0", "rmi_read_timeout", "10",
                    "tls_dir", "\"" + SlaveProcess.tlsDir() + "\"",
                    "hosts", "[\"" + first.address() + "\", \"" + second.address() + "\"]"));
            Config.install(config);
            Path scenarios = Fixtures.scenarios(dir.resolve("scenarios"), SCENARIO);
            Master master = Master.start(MasterSetup.of(dir, List.of(scenarios), dir.resolve("uploads"), config,
                    Distribution::start));
            try (ApiServer api = ApiServer.start(master, ApiOptions.loopback(0, dir.resolve("var")))) {
                Run shell = throughTheShell(master);
                Run http = throughHttp(master, api.uri(), ApiTokens.value(dir.resolve("var"), ApiTokens.Access.FULL));
                assertEquals(shell.answers(), http.answers());
                assertEquals(shell.statuses(), http.statuses());
                assertEquals(List.of(4L, 3L), shell.statuses().get(2).values().stream().map(s -> s.get(1)).toList(),
                        "users per slave after ids 9 and 8 were removed: " + shell.statuses());
            } finally {
                master.close(Duration.ofSeconds(5));
            }
        }
    }

    private Run throughTheShell(Master master) throws Exception {
        Interpreter shell = Shell.of(master).newSession();
        List<String> answers = new ArrayList<>();
        List<Map<String, List<Object>>> statuses = new ArrayList<>();
        answers.add(ok(shell, "dist.do(" + SCENARIO + ", 1, 6)"));
        statuses.add(settled(master, 6));
        answers.add(ok(shell, "dist.add(3)"));
        statuses.add(settled(master, 9));
        answers.add(ok(shell, "dist.remove(2, force=true)"));
        statuses.add(settled(master, 7));
        answers.add(ok(shell, "dist.stop()").split("\nrun summary")[0]);
        statuses.add(statuses(master));
        return new Run(answers, statuses);
    }

    private Run throughHttp(Master master, URI api, String token) throws Exception {
        List<String> answers = new ArrayList<>();
        List<Map<String, List<Object>>> statuses = new ArrayList<>();
        JsonNode started = patch(api, token, "/execution/start",
                "{\"scenario\": \"" + SCENARIO + "\", \"from\": 1, \"to\": 6, \"target\": \"dist\"}");
        RunStarted run = new RunStarted(started.path("scenario").asText(), started.path("class").asText(),
                started.path("sha256").asText(), started.path("from").asLong(), started.path("to").asLong(),
                perNode(started, node -> null));
        answers.add(ClusterResults.reply(run.nodes(), nothing -> RunView.started(run, Target.DIST)).text());
        statuses.add(settled(master, 6));
        JsonNode added = patch(api, token, "/execution/add_users", "{\"users\": 3, \"target\": \"dist\"}");
        answers.add(ClusterResults.reply(perNode(added, node -> new IdRange(node.path("ids").path("first").asLong(),
                node.path("ids").path("last").asLong(), node.path("ids").path("step").asLong())), RunView::added).text());
        statuses.add(settled(master, 9));
        JsonNode removed = patch(api, token, "/execution/remove_users",
                "{\"users\": 2, \"force\": true, \"target\": \"dist\"}");
        answers.add(ClusterResults.reply(perNode(removed, node -> new RemovalReport(longs(node.path("removed")),
                longs(node.path("stragglers")))), report -> RunView.removed(report, true, Target.DIST)).text());
        statuses.add(settled(master, 7));
        JsonNode stopped = patch(api, token, "/execution/stop", "{\"target\": \"dist\"}");
        answers.add(ClusterResults.reply(perNode(stopped, node -> null), nothing -> "stopped").text());
        statuses.add(statuses(master));
        return new Run(answers, statuses);
    }

    private static <T> ClusterResult<T> perNode(JsonNode answer, Function<JsonNode, T> value) {
        Map<String, NodeResult<T>> byNode = new LinkedHashMap<>();
        answer.path("nodes").forEach(node -> byNode.put(node.path("node").asText(), node.path("ok").asBoolean()
                ? new NodeResult.Ok<>(value.apply(node)) : new NodeResult.Failed<>(node.path("error").asText())));
        return new ClusterResult<>(byNode);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    private static JsonNode patch(URI api, String token, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static String ok(Interpreter shell, String line) {
        Reply reply = shell.run(line);
        assertTrue(reply.ok(), () -> line + " failed: " + reply.text());
        return reply.text();
    }

    /** Each node's state, live users and highest id, once {@code users} are alive in all. */
    private static Map<String, List<Object>> settled(Master master, long users) throws Exception {
        Fixtures.waitUntil(users + " users alive", () -> statuses(master).values().stream()
                .mapToLong(s -> (Long) s.get(1)).sum() == users);
        return statuses(master);
    }

    private static Map<String, List<Object>> statuses(Master master) {
        try {
            Map<String, List<Object>> byNode = new LinkedHashMap<>();
            master.dist().status().values().forEach((node, s) -> byNode.put(node, List.of(s.stateLabel(),
                    s.usersAlive(), s.highestId())));
            return byNode;
        } catch (io.amoc.command.CommandException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
