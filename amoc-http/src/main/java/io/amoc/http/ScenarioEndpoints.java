package io.amoc.http;

import io.amoc.command.CompiledScenario;
import io.amoc.command.Master;
import io.amoc.command.ScenarioEntry;
import io.amoc.command.StartRequest;
import io.amoc.command.Target;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios: listed, their status and compiled version, uploaded as JSON ({@code POST /scenarios}, the
 * original's) or as raw source ({@code PUT /scenarios/upload}, e.g. {@code curl -T Chat.java}), and the original's
 * start ({@code PATCH /scenarios/{name}} with {@code {"users": N}}: users 1..N on the slaves).
 */
final class ScenarioEndpoints {

    private static final int OK = 200;
    private static final List<String> UPLOAD_FIELDS = List.of("scenario", "module_source");
    private static final List<String> LEGACY_START_FIELDS = List.of("users", "settings");

    private final Master master;

    private ScenarioEndpoints(Master master) {
        this.master = master;
    }

    static List<Route> of(Master master) {
        ScenarioEndpoints endpoints = new ScenarioEndpoints(master);
        return List.of(
                Route.get("/scenarios", endpoints::list),
                Route.post("/scenarios", endpoints::uploadJson),
                Route.put("/scenarios/upload", endpoints::uploadSource),
                Route.get("/scenarios/info/{name}", endpoints::info),
                Route.get("/scenarios/{name}", endpoints::phase),
                Route.patch("/scenarios/{name}", endpoints::startUsers));
    }

    private void list(Context ctx) {
        Json.send(ctx, OK, Json.object("scenarios", master.scenarios().list().stream().map(ScenarioEntry::name).toList()));
    }

    private void phase(Context ctx) throws Exception {
        String name = ctx.pathParam("name");
        Json.send(ctx, OK, Json.object("scenario", name, "scenario_status", master.scenarioPhase(name).label()));
    }

    private void info(Context ctx) throws Exception {
        ScenarioEntry entry = master.scenarios().entry(ctx.pathParam("name"));
        CompiledScenario compiled = master.scenarios().compile(entry.name());
        Map<String, Object> body = compiled(compiled);
        body.put("source", entry.source().toString());
        Json.send(ctx, OK, body);
    }

    private void uploadJson(Context ctx) throws Exception {
        RequestBody body = RequestBody.json(ctx, false, UPLOAD_FIELDS);
        String name = body.text("scenario");
        String source = body.text("module_source");
        upload(ctx, Optional.of(name), source);
    }

    private void uploadSource(Context ctx) throws Exception {
        upload(ctx, Optional.empty(), RequestBody.source(ctx));
    }

    private void upload(Context ctx, Optional<String> name, String source) throws Exception {
        name.ifPresent(n -> AuditLog.note(ctx, "scenario", n));
        AuditLog.note(ctx, "source_sha256", AuditLog.sha256(source));
        CompiledScenario compiled = master.scenarios().upload(name, source);
        AuditLog.note(ctx, "uploaded", compiled.name() + "@" + compiled.sha256());
        Json.send(ctx, OK, compiled(compiled));
    }

    /** The original's start: users 1..N of the scenario on the slaves, with optional settings. */
    private void startUsers(Context ctx) throws Exception {
        RequestBody body = RequestBody.json(ctx, false, LEGACY_START_FIELDS);
        long users = body.number("users");
        ErrorAnswers.bodyFields(ctx, ExecutionEndpoints.USERS_AS_IDS);
        StartRequest request = StartRequest.of(ctx.pathParam("name"), 1, users);
        ExecutionEndpoints.start(master, ctx, Target.DIST, request, body.settings("settings"),
                Json.object("scenario", "started"));
    }

    private static Map<String, Object> compiled(CompiledScenario compiled) {
        return Json.object("compile", "ok", "scenario", compiled.name(), "class", compiled.className(),
                "sha256", compiled.sha256(), "classes", compiled.classes());
    }
}
