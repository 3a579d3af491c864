package io.amoc.http;

import io.amoc.cluster.UnknownNodeException;
import io.amoc.command.BadRequestException;
import io.amoc.command.CommandException;
import io.amoc.command.ConfigNotPushedException;
import io.amoc.command.NoSlavesException;
import io.amoc.command.RunStateException;
import io.amoc.command.SourceTooLargeException;
import io.amoc.command.UnknownNodesException;
import io.amoc.compile.InvalidScenarioNameException;
import io.amoc.compile.ScenarioCompileException;
import io.amoc.compile.UnknownScenarioException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * What each expected failure answers, as {@code {"error": "...", "field": "..."}} on one line: the command layer's
 * refusals keep their one-line message, and the status says what kind of refusal it is (docs/http-api.md).
 */
final class ErrorAnswers {

    /** The request attribute holding the error text, for the audit line. */
    static final String ERROR = "amoc.error";
    private static final String BODY_FIELDS = "amoc.body_fields";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
    private static final int INTERNAL = 500;
    private static final int METHOD_NOT_ALLOWED = 405;
    /** Where Javalin puts the methods a path takes when it refuses another (a JSON client's details). */
    private static final String AVAILABLE_METHODS = "availableMethods";

    private ErrorAnswers() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> answer(ctx, e.status(), e.getMessage(), e.field().orElse(null)));
        routes.exception(BadRequestException.class, (e, ctx) ->
                answer(ctx, ApiError.BAD_REQUEST, e.getMessage(), bodyField(ctx, e.field().orElse(null))));
        routes.exception(RunStateException.class, (e, ctx) -> answer(ctx, ApiError.CONFLICT, e.getMessage(), null));
        routes.exception(NoSlavesException.class, (e, ctx) -> answer(ctx, ApiError.CONFLICT, e.getMessage(), null));
        routes.exception(SourceTooLargeException.class, (e, ctx) ->
                answer(ctx, ApiError.TOO_LARGE, e.getMessage(), "source"));
        routes.exception(ConfigNotPushedException.class, (e, ctx) -> {
            Map<String, Object> body = body(ctx, e.getMessage(), null);
            body.put("nodes", e.nodes());
            Json.send(ctx, ApiError.BAD_GATEWAY, body);
        });
        routes.exception(InvalidScenarioNameException.class, (e, ctx) ->
                answer(ctx, ApiError.BAD_REQUEST, e.getMessage(), "scenario"));
        routes.exception(UnknownScenarioException.class, (e, ctx) ->
                answer(ctx, ApiError.NOT_FOUND, e.getMessage(), "scenario"));
        routes.exception(UnknownNodeException.class, (e, ctx) -> answer(ctx, ApiError.NOT_FOUND, e.getMessage(), "node"));
        routes.exception(UnknownNodesException.class, (e, ctx) ->
                answer(ctx, ApiError.NOT_FOUND, e.getMessage(), "nodes"));
        routes.exception(ScenarioCompileException.class, ErrorAnswers::compileError);
        routes.exception(CommandException.class, (e, ctx) -> answer(ctx, ApiError.CONFLICT, e.getMessage(), null));
        routes.exception(HttpResponseException.class, ErrorAnswers::javalinRefusal);
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, INTERNAL, "internal error: " + e + " (please report it with the request that caused it)", null);
        });
    }

    /**
     * Says which field of the body each argument of the command layer came from ({@code count} from {@code users},
     * say), so that a refusal names the field the client sent.
     */
    static void bodyFields(Context ctx, Map<String, String> fromArguments) {
        ctx.attribute(BODY_FIELDS, fromArguments);
    }

    private static String bodyField(Context ctx, String argument) {
        Map<String, String> names = ctx.attribute(BODY_FIELDS);
        return argument == null || names == null ? argument : names.getOrDefault(argument, argument);
    }

    /** Javalin's own refusals: no such path, a method the path does not take. */
    private static void javalinRefusal(HttpResponseException e, Context ctx) {
        String message = switch (e.getStatus()) {
            case ApiError.NOT_FOUND -> "no such endpoint: " + ctx.method() + " " + ctx.path()
                    + " (the API's operations are listed at /api-docs)";
            case METHOD_NOT_ALLOWED -> {
                String allowed = e.getDetails().getOrDefault(AVAILABLE_METHODS, "");
                if (!allowed.isEmpty()) {
                    ctx.header("Allow", allowed);   // a 405 must say what the path takes (RFC 9110)
                }
                yield ctx.method() + " is not an operation of " + ctx.path()
                        + (allowed.isEmpty() ? "" : ", which takes " + allowed) + " (see /api-docs)";
            }
            default -> e.getMessage();
        };
        answer(ctx, e.getStatus(), message, null);
    }

    static void answer(Context ctx, int status, String message, String field) {
        Json.send(ctx, status, body(ctx, message, field));
    }

    private static Map<String, Object> body(Context ctx, String message, String field) {
        ctx.attribute(ERROR, message);
        Map<String, Object> body = Json.object("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }

    /** 422 with javac's diagnostics as data; {@code "compile": "error"} as the original answered. */
    private static void compileError(ScenarioCompileException e, Context ctx) {
        int count = e.diagnostics().size();
        String message = count == 0 ? "the scenario does not compile: " + e.getMessage()
                : "the scenario does not compile: " + count + (count == 1 ? " error" : " errors");
        Map<String, Object> body = Json.object("compile", "error");
        body.putAll(body(ctx, message, null));
        body.put("diagnostics", e.diagnostics().stream().map(d -> Json.object("file", d.file(), "line", d.line(),
                "column", d.column(), "message", d.message())).toList());
        Json.send(ctx, ApiError.UNPROCESSABLE, body);
    }
}
