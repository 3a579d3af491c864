package io.amoc.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reading bodies and writing answers: every answer is one JSON object on one line. */
final class Json {

    /** Reads a field given twice as an error, not as its last value. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final String CONTENT_TYPE = "application/json";

    private Json() {
    }

    /** Answers {@code status} with {@code body} as JSON. */
    static void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer of plain maps and lists cannot fail to serialise", e);
        }
    }

    /** An ordered JSON object built from pairs: {@code object("a", 1, "b", 2)}. */
    static Map<String, Object> object(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }
}
