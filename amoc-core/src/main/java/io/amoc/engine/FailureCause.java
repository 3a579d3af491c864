package io.amoc.engine;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes two failures the same: the exception's class, its message with numbers and ids masked, and the first
 * frame of the scenario's own code (its bundle's classes), e.g.
 * {@code XmppLoginException: user_<n>: no answer from <n>.<n>.<n>.<n>:<n> within <n> ms at Chat.java:31}.
 */
final class FailureCause {

    /** Messages are cut here: a cause is a line, not a dump. */
    private static final int MAX_MESSAGE = 200;
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    /** {@code 0x7f3a} and long hex strings with at least one digit (hashes, stanza ids, object ids). */
    private static final Pattern HEX = Pattern.compile("\\b0x[0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private FailureCause() {
    }

    /** The one-line cause of {@code error} thrown by a scenario whose own classes are {@code scenarioClasses}. */
    static String of(Throwable error, Set<String> scenarioClasses) {
        String message = error.getMessage() == null ? "" : ": " + masked(error.getMessage());
        return error.getClass().getSimpleName() + message + at(error, scenarioClasses);
    }

    static String masked(String message) {
        String oneLine = message.lines().findFirst().orElse("");
        String text = NUMBER.matcher(HEX.matcher(UUID.matcher(oneLine).replaceAll("<uuid>")).replaceAll("<hex>"))
                .replaceAll("<n>");
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }

    /** {@code " at File.java:12"} for the first scenario frame in the error or its causes, else its top frame. */
    private static String at(Throwable error, Set<String> scenarioClasses) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (scenarioClasses.contains(frame.getClassName())) {
                    return " at " + where(frame);
                }
            }
        }
        StackTraceElement[] frames = error.getStackTrace();
        return frames.length == 0 ? "" : " at " + where(frames[0]);
    }

    private static String where(StackTraceElement frame) {
        String file = frame.getFileName() == null ? frame.getClassName() : frame.getFileName();
        return frame.getLineNumber() < 0 ? file : file + ":" + frame.getLineNumber();
    }
}
