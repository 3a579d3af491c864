package io.amoc.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * One line in the log (logger {@value #LOGGER}) per request that changes something or is refused: who (the token's
 * fingerprint, never the token), what (the operation and its arguments, the SHA-256 of an uploaded source or of the
 * scenario started), and the result (status and error). Handlers add what they did with {@link #note}.
 */
final class AuditLog {

    static final String LOGGER = "amoc.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final String NOTES = "amoc.audit.notes";
    private static final int MAX_ERROR_CHARS = 300;
    private static final int FIRST_ERROR = 400;
    private static final char ASCII_DELETE = 0x7f;

    private AuditLog() {
    }

    /**
     * Adds {@code key=value} to the request's audit line; a value that is not plain printable ASCII is quoted and
     * escaped, so that what a request carries (a scenario name, a config key) can never start a line of its own.
     */
    static void note(Context ctx, String key, Object value) {
        StringJoiner notes = ctx.attribute(NOTES);
        if (notes == null) {
            notes = new StringJoiner(" ");
            ctx.attribute(NOTES, notes);
        }
        notes.add(key + "=" + token(String.valueOf(value)));
    }

    /** After every request: changes are always written, reads only when refused. */
    static void record(Context ctx) {
        boolean reads = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        int status = ctx.statusCode();
        if (reads && status < FIRST_ERROR) {
            return;
        }
        ApiTokens.Caller caller = ctx.attribute(AccessGuard.CALLER);
        StringJoiner notes = ctx.attribute(NOTES);
        String error = ctx.attribute(ErrorAnswers.ERROR);
        LOG.info("who={} from={} what=\"{} {}\"{} result={}{}", caller == null ? "none" : caller, ctx.ip(),
                ctx.method(), escaped(ctx.path()), notes == null ? "" : " " + notes, status,
                error == null ? "" : " error=\"" + escaped(shortened(error)) + "\"");
    }

    /** The SHA-256 of {@code text} (UTF-8) in hex: names a source, or a token without revealing it. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String shortened(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }

    /** {@code text} as it is when it is plain printable ASCII without quotes or backslashes, else quoted, escaped. */
    private static String token(String text) {
        boolean plain = !text.isEmpty()
                && text.chars().allMatch(c -> c > ' ' && c < ASCII_DELETE && c != '"' && c != '\\');
        return plain ? text : "\"" + escaped(text) + "\"";
    }

    /** {@code text} with quotes, backslashes and control characters escaped as in a JSON string. */
    private static String escaped(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
