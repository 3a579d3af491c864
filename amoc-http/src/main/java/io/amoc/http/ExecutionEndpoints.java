package io.amoc.http;

import io.amoc.cluster.ClusterResult;
import io.amoc.command.AddRequest;
import io.amoc.command.ConfigChange;
import io.amoc.command.Master;
import io.amoc.command.RemoveRequest;
import io.amoc.command.RunStarted;
import io.amoc.command.RunStopped;
import io.amoc.command.StartRequest;
import io.amoc.command.Target;
import io.amoc.config.Literal;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The later amoc's run control, {@code PATCH /execution/...}: start, add_users, remove_users, stop and
 * update_settings, on the target named in the body ({@code "target": "local" | "dist"}) or else the one the command
 * layer picks. Every answer lists each node; one that failed (or is down) makes it 502, the others still did the work.
 */
final class ExecutionEndpoints {

    private static final int OK = 200;
    private static final List<String> START_FIELDS = List.of("scenario", "users", "from", "to", "settings", "nodes",
            "comment", "target");
    private static final List<String> ADD_FIELDS = List.of("users", "nodes", "target");
    private static final List<String> REMOVE_FIELDS = List.of("users", "force", "nodes", "target");
    private static final List<String> STOP_FIELDS = List.of("target");
    /** nodes is taken only to be refused with the reason. */
    private static final List<String> SETTINGS_FIELDS = List.of("settings", "nodes");
    /** {@code users} gives the ids 1..users: the command layer's from and to. */
    static final Map<String, String> USERS_AS_IDS = Map.of("from", "users", "to", "users");
    private static final Map<String, String> USERS_AS_COUNT = Map.of("count", "users");

    private final Master master;

    private ExecutionEndpoints(Master master) {
        this.master = master;
    }

    static List<Route> of(Master master) {
        ExecutionEndpoints endpoints = new ExecutionEndpoints(master);
        return List.of(
                Route.patch("/execution/start", endpoints::start),
                Route.patch("/execution/add_users", endpoints::addUsers),
                Route.patch("/execution/remove_users", endpoints::removeUsers),
                Route.patch("/execution/stop", endpoints::stop),
                Route.patch("/execution/update_settings", endpoints::updateSettings));
    }

    private void start(Context ctx) throws Exception {
        RequestBody body = RequestBody.json(ctx, false, START_FIELDS);
        String scenario = body.text("scenario");
        long from;
        long to;
        if (body.has("users")) {
            if (body.has("from") || body.has("to")) {
                throw ApiError.badField("users", "give users (ids 1..users) or from and to, not both");
            }
            from = 1;
            to = body.number("users");
            ErrorAnswers.bodyFields(ctx, USERS_AS_IDS);
        } else if (body.has("from") || body.has("to")) {
            from = body.number("from");
            to = body.number("to");
        } else {
            throw ApiError.badField("users", "users is missing: give users (ids 1..users), or from and to");
        }
        StartRequest request = new StartRequest(scenario, from, to, body.names("nodes"),
                body.optionalText("comment").orElse(""));
        start(master, ctx, target(body), request, body.settings("settings"), Map.of());
    }

    /** Starts a run and answers with each node's result, {@code extra} fields replacing ours. */
    static void start(Master master, Context ctx, Target target, StartRequest request, Map<String, Object> settings,
                      Map<String, Object> extra) throws Exception {
        AuditLog.note(ctx, "target", target.label());
        AuditLog.note(ctx, "scenario", request.scenario());
        AuditLog.note(ctx, "ids", request.from() + ".." + request.to());
        RunStarted started = master.on(target).start(request, settings);
        AuditLog.note(ctx, "sha256", started.sha256());
        Map<String, Object> answer = new LinkedHashMap<>(RunViews.started(target, started));
        answer.putAll(extra);
        send(ctx, started.nodes(), answer);
    }

    private void addUsers(Context ctx) throws Exception {
        RequestBody body = RequestBody.json(ctx, false, ADD_FIELDS);
        Target target = target(body);
        long users = body.number("users");
        ErrorAnswers.bodyFields(ctx, USERS_AS_COUNT);
        AuditLog.note(ctx, "target", target.label());
        AuditLog.note(ctx, "users", users);
        var added = master.on(target).add(new AddRequest(users, body.names("nodes")));
        send(ctx, added, RunViews.added(target, added));
    }

    private void removeUsers(Context ctx) throws Exception {
        RequestBody body = RequestBody.json(ctx, false, REMOVE_FIELDS);
        Target target = target(body);
        long users = body.number("users");
        boolean force = body.flag("force", false);
        ErrorAnswers.bodyFields(ctx, USERS_AS_COUNT);
        AuditLog.note(ctx, "target", target.label());
        AuditLog.note(ctx, "users", users);
        AuditLog.note(ctx, "force", force);
        var removed = master.on(target).remove(new RemoveRequest(users, force, body.names("nodes")));
        send(ctx, removed, RunViews.removed(target, force, removed));
    }

    private void stop(Context ctx) throws Exception {
        Target target = target(RequestBody.json(ctx, true, STOP_FIELDS));
        AuditLog.note(ctx, "target", target.label());
        RunStopped stopped = master.on(target).stop();
        send(ctx, stopped.nodes(), RunViews.stopped(target, stopped));
    }

    private void updateSettings(Context ctx) throws Exception {
        RequestBody body = RequestBody.json(ctx, false, SETTINGS_FIELDS);
        if (body.has("nodes")) {
            throw ApiError.badField("nodes", "settings apply to the master and every slave that is up: leave nodes"
                    + " out");
        }
        Map<String, Object> settings = body.settings("settings");
        if (settings.isEmpty()) {
            throw ApiError.badField("settings", "settings is missing: give a JSON object of config keys, e.g."
                    + " {\"settings\": {\"interarrival\": 10}}");
        }
        AuditLog.note(ctx, "keys", String.join(",", settings.keySet()));
        List<ConfigChange> changes = master.settings().setAll(settings);
        Json.send(ctx, OK, Json.object("settings", changes.stream().map(c -> Json.object("key", c.key(),
                "value", Literal.format(c.value()), "source", c.effective().source().label(), "shadowed", c.shadowed(),
                "hint", c.hint().orElse(null))).toList()));
    }

    private Target target(RequestBody body) throws ApiError {
        return body.target().orElseGet(master::defaultTarget);
    }

    /** 200 when every node did it; 502 naming the ones that did not (the others still did). */
    private static void send(Context ctx, ClusterResult<?> result, Map<String, Object> answer) {
        if (result.allOk()) {
            Json.send(ctx, OK, answer);
            return;
        }
        String error = result.failedNodes().size() + " of " + result.byNode().size() + " nodes failed: "
                + String.join(", ", result.failedNodes());
        ctx.attribute(ErrorAnswers.ERROR, error);
        Map<String, Object> failed = Json.object("error", error);
        failed.putAll(answer);
        Json.send(ctx, ApiError.BAD_GATEWAY, failed);
    }
}
