package io.amoc.http;

import io.amoc.cluster.ClusterResult;
import io.amoc.cluster.NodeResult;
import io.amoc.cluster.NodeView;
import io.amoc.command.NodeStatusAnswer;
import io.amoc.command.RunStarted;
import io.amoc.command.RunStopped;
import io.amoc.command.Target;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON of the run operations' answers: per node, in node order, each {@code ok} or with its {@code error}. */
final class RunViews {

    private RunViews() {
    }

    /** Each node as {@code {"node", "ok": true, ...its value}} or {@code {"node", "ok": false, "error"}}. */
    static <T> List<Map<String, Object>> perNode(ClusterResult<T> result, Function<T, Map<String, Object>> value) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        result.byNode().forEach((node, answer) -> nodes.add(node(node, answer, value)));
        return nodes;
    }

    static <T> Map<String, Object> node(String node, NodeResult<T> answer, Function<T, Map<String, Object>> value) {
        Map<String, Object> json = Json.object("node", node, "ok", answer.ok());
        switch (answer) {
            case NodeResult.Ok<T> ok -> json.putAll(value.apply(ok.value()));
            case NodeResult.Failed<T> failed -> json.put("error", failed.reason());
        }
        return json;
    }

    static Map<String, Object> status(NodeStatus status) {
        Map<String, Object> json = Json.object("state", status.state().label(), "scenario", status.scenario(),
                "sha256", status.sha256(), "users", status.usersAlive(), "highest_id", status.highestId(),
                "failures", status.failures(), "spawned", status.spawned(), "pending", status.pending());
        if (status.state() == NodeState.FAILED) {
            json.put("failure_reason", status.failureReason());
        }
        return json;
    }

    static Map<String, Object> nodeStatus(NodeStatusAnswer answer) {
        Map<String, Object> json = Json.object("target", answer.target().label());
        json.putAll(node(answer.node(), answer.status(), RunViews::status));
        return json;
    }

    /** Live users over the nodes that answered. */
    static long users(ClusterResult<NodeStatus> status) {
        return status.values().values().stream().mapToLong(NodeStatus::usersAlive).sum();
    }

    static Map<String, Object> started(Target target, RunStarted started) {
        return Json.object("target", target.label(), "scenario", started.scenario(), "class", started.className(),
                "sha256", started.sha256(), "from", started.from(), "to", started.to(),
                "nodes", perNode(started.nodes(), nothing -> Map.of()));
    }

    static Map<String, Object> added(Target target, ClusterResult<IdRange> added) {
        return Json.object("target", target.label(), "nodes", perNode(added, ids -> Json.object("ids",
                Json.object("first", ids.first(), "last", ids.highest(), "step", ids.step(), "count", ids.size()))));
    }

    static Map<String, Object> removed(Target target, boolean force, ClusterResult<RemovalReport> removed) {
        return Json.object("target", target.label(), "force", force, "nodes", perNode(removed,
                report -> Json.object("removed", report.removed(), "stragglers", report.stragglers())));
    }

    static Map<String, Object> stopped(Target target, RunStopped stopped) {
        return Json.object("target", target.label(), "nodes", perNode(stopped.nodes(), nothing -> Map.of()),
                "summary", stopped.summary().map(MetricsViews::summary).orElse(null));
    }

    /** The original's {@code {"nodes": {name: "up" | "down"}}}, then every slave's details. */
    static Map<String, Object> nodes(String localNode, List<NodeView> slaves) {
        Map<String, Object> upOrDown = Json.object(localNode, "up");
        List<Map<String, Object>> details = new ArrayList<>();
        for (NodeView view : slaves) {
            upOrDown.put(view.node(), view.liveness().label());
            details.add(Json.object("node", view.node(), "liveness", view.liveness().label(),
                    "last_seen", view.lastSeen().map(Object::toString).orElse(null),
                    "problem", view.problem().orElse(null),
                    "status", view.lastStatus().map(RunViews::status).orElse(null)));
        }
        return Json.object("nodes", upOrDown, "slaves", details);
    }
}
