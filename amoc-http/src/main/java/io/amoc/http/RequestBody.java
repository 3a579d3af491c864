package io.amoc.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.amoc.command.ScenarioLibrary;
import io.amoc.command.Target;
import io.amoc.config.Literal;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request's body, read within a limit and checked field by field: a JSON object for the operations, raw Java
 * source for {@code PUT /scenarios/upload}. Every refusal names the field and says what it takes (400), or refuses
 * the content type (415) or the size (413).
 */
final class RequestBody {

    /** Longest JSON body: a scenario source of 1 MiB, escaped, fits. */
    static final int MAX_JSON_BYTES = 4 * ScenarioLibrary.MAX_SOURCE_BYTES;
    /** Content types of raw source; none at all (curl -T) is taken as source too. */
    private static final Set<String> SOURCE_TYPES = Set.of("text/plain", "text/x-java", "text/x-java-source",
            "application/octet-stream");

    private final JsonNode json;

    private RequestBody(JsonNode json) {
        this.json = json;
    }

    /**
     * The JSON object of the body, which may hold only {@code fields}; an empty body is an empty object when
     * {@code emptyAllowed}. A field the operation does not take is refused by name rather than ignored (a
     * misspelt {@code "forse": true} would otherwise remove users gently), and so is anything after the object.
     */
    static RequestBody json(Context ctx, boolean emptyAllowed, List<String> fields) throws ApiError, IOException {
        String type = mediaType(ctx);
        byte[] bytes = read(ctx, MAX_JSON_BYTES, "a JSON body");
        if (bytes.length == 0 && emptyAllowed) {
            return new RequestBody(Json.MAPPER.createObjectNode());
        }
        if (!Json.CONTENT_TYPE.equals(type)) {
            throw new ApiError(ApiError.UNSUPPORTED_MEDIA_TYPE, "this operation takes a JSON object: send it with"
                    + " Content-Type: application/json" + (type.isEmpty() ? "" : " (not " + type + ")"));
        }
        JsonNode node = parse(bytes);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String field = entry.getKey();
            if (!fields.contains(field)) {
                throw ApiError.badField(field, "unknown field " + field + ": " + ctx.method() + " " + ctx.path()
                        + " takes " + (fields.isEmpty() ? "no body" : String.join(", ", fields)));
            }
        }
        return new RequestBody(node);
    }

    private static JsonNode parse(byte[] bytes) throws ApiError, IOException {
        try (JsonParser parser = Json.MAPPER.createParser(bytes)) {
            JsonNode node = Json.MAPPER.readTree(parser);
            if (node == null || !node.isObject()) {
                throw new ApiError(ApiError.BAD_REQUEST, "the body must be a JSON object, e.g. {\"users\": 10}");
            }
            if (parser.nextToken() != null) {
                throw new ApiError(ApiError.BAD_REQUEST, "the body is not JSON: more follows its object; send"
                        + " exactly one JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiError(ApiError.BAD_REQUEST, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Raw Java source of at most 1 MiB, in UTF-8. */
    static String source(Context ctx) throws ApiError, IOException {
        String type = mediaType(ctx);
        if (!type.isEmpty() && !SOURCE_TYPES.contains(type)) {
            throw new ApiError(ApiError.UNSUPPORTED_MEDIA_TYPE, "upload the Java source itself (e.g. curl -T"
                    + " Scenario.java), as text/plain or without a Content-Type, not " + type);
        }
        byte[] bytes = read(ctx, ScenarioLibrary.MAX_SOURCE_BYTES, "a scenario source");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badField("source", "the source is not UTF-8 text: save it as UTF-8 and upload again");
        }
    }

    private static String mediaType(Context ctx) {
        String type = ctx.header("Content-Type");
        return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Reads at most {@code limit} bytes, refusing a longer body with 413 whatever its Content-Length said. */
    private static byte[] read(Context ctx, int limit, String what) throws ApiError, IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(declared, limit, what);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(bytes.length, limit, what);
            }
            return bytes;
        }
    }

    private static ApiError tooLarge(long bytes, int limit, String what) {
        return new ApiError(ApiError.TOO_LARGE, "the body is " + (bytes > limit + 1 ? bytes + " bytes" : "over "
                + limit + " bytes") + ": " + what + " may have at most " + limit);
    }

    boolean has(String field) {
        return json.hasNonNull(field);
    }

    String text(String field) throws ApiError {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badField(field, field + " is missing: give it as a JSON string");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiError.badField(field, field + " must be a non-empty JSON string, got " + value);
        }
        return value.asText();
    }

    Optional<String> optionalText(String field) throws ApiError {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    long number(String field) throws ApiError {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.badField(field, field + " is missing: give it as a whole number");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiError.badField(field, field + " must be a whole number, got " + value);
        }
        return value.asLong();
    }

    boolean flag(String field, boolean absent) throws ApiError {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw ApiError.badField(field, field + " must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    /** A list of node names, empty when absent (every node). */
    List<String> names(String field) throws ApiError {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw ApiError.badField(field, field + " must be a list of node names, got " + value);
                }
                names.add(item.asText());
            }
            return names;
        }
        throw ApiError.badField(field, field + " must be a list of node names, e.g. [\"10.0.0.5:1099\"], got " + value);
    }

    /** {@code local} or {@code dist}; empty when absent. */
    Optional<Target> target() throws ApiError {
        return has("target") ? Optional.of(target(text("target"))) : Optional.empty();
    }

    static Target target(String label) throws ApiError {
        for (Target target : Target.values()) {
            if (target.label().equals(label)) {
                return target;
            }
        }
        throw ApiError.badField("target", "target must be local or dist, got " + label);
    }

    /**
     * Config values by key. Numbers, booleans and lists are taken as they are; a string is read as a literal, as in
     * the config file ({@code "infinity"}, {@code "[a, b]"}; {@code "\"42\""} for the text 42).
     */
    Map<String, Object> settings(String field) throws ApiError {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw ApiError.badField(field, field + " must be a JSON object of config keys, e.g. {\"interarrival\": 10}");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            settings.put(entry.getKey(), literal(field + "." + entry.getKey(), entry.getValue()));
        }
        return settings;
    }

    private static Object literal(String field, JsonNode value) throws ApiError {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            if (!Double.isFinite(number)) {
                throw ApiError.badField(field, field + " is a number too large to hold: give one below 1e308,"
                        + " or \"infinity\" for no limit");
            }
            return number;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual()) {
            return Literal.parseOrString(value.asText());
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : value) {
                items.add(literal(field, item));
            }
            return items;
        }
        throw ApiError.badField(field, field + " must be a number, true, false, a string or a list, got " + value);
    }
}
