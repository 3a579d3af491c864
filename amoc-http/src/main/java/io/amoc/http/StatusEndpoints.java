package io.amoc.http;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeView;
import io.amoc.command.CommandException;
import io.amoc.command.Master;
import io.amoc.command.MasterSetup;
import io.amoc.command.NodeStatusAnswer;
import io.amoc.command.Target;
import io.amoc.engine.NodeStatus;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * What the master and its nodes are doing: {@code GET /status} (without a token only that amoc is up, as the
 * original answered; with one every node's state), {@code /status/{node}}, {@code /nodes}, {@code /metrics} and
 * {@code /failures}. Each calls one operation of the command layer and maps its answer to JSON.
 */
final class StatusEndpoints {

    private static final int OK = 200;

    private final Master master;

    private StatusEndpoints(Master master) {
        this.master = master;
    }

    static List<Route> of(Master master) {
        StatusEndpoints endpoints = new StatusEndpoints(master);
        return List.of(
                Route.get("/status", endpoints::status),
                Route.get("/status/{node}", endpoints::nodeStatus),
                Route.get("/nodes", endpoints::nodes),
                Route.get("/metrics", endpoints::metrics),
                Route.get("/failures", endpoints::failures));
    }

    private void status(Context ctx) throws CommandException {
        Map<String, Object> body = Json.object("amoc_status", "up", "node_status", "up");
        if (ctx.attribute(AccessGuard.CALLER) != null) {
            ClusterResult<NodeStatus> local = master.local().status();
            long users = RunViews.users(local);
            body.put("local", RunViews.perNode(local, RunViews::status));
            try {
                ClusterResult<NodeStatus> dist = master.dist().status();
                users += RunViews.users(dist);
                body.put("dist", RunViews.perNode(dist, RunViews::status));
            } catch (CommandException noSlaves) {
                body.put("dist", List.of());
                body.put("dist_error", noSlaves.getMessage());
            }
            body.put("users", users);
        }
        Json.send(ctx, OK, body);
    }

    private void nodeStatus(Context ctx) throws Exception {
        NodeStatusAnswer answer = master.nodeStatus(ctx.pathParam("node"));
        Map<String, Object> body = Json.object("amoc_status", answer.status().ok() ? "up" : "down");
        body.putAll(RunViews.nodeStatus(answer));
        Json.send(ctx, OK, body);
    }

    private void nodes(Context ctx) {
        Map<String, Object> body;
        try {
            List<NodeView> slaves = master.slaves().nodes();
            body = RunViews.nodes(MasterSetup.LOCAL_NODE, slaves);
        } catch (CommandException noSlaveSide) {
            body = RunViews.nodes(MasterSetup.LOCAL_NODE, List.of());
            body.put("dist_error", noSlaveSide.getMessage());
        }
        Json.send(ctx, OK, body);
    }

    private void metrics(Context ctx) throws Exception {
        Target target = target(ctx);
        Json.send(ctx, OK, MetricsViews.metrics(target, master.on(target).metrics()));
    }

    private void failures(Context ctx) throws Exception {
        Target target = target(ctx);
        Json.send(ctx, OK, MetricsViews.failures(target, master.on(target).failures()));
    }

    /** {@code ?target=local|dist}, else the one the command layer picks. */
    private Target target(Context ctx) throws ApiError {
        String asked = ctx.queryParam("target");
        return asked == null ? master.defaultTarget() : RequestBody.target(asked);
    }
}
