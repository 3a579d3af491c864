package io.amoc.metrics;

/**
 * The Graphite events amoc posts: what, tags, text and time for a start, an add, a remove and a stop.
 *
 * @param when epoch seconds of the event (graphite-web's {@code when}), taken when it happened, not when posted
 */
public record AnnotationText(String what, String tags, String data, long when) {

    private static final long MILLIS_PER_SECOND = 1_000;

    /** A start; a blank comment is left out. */
    public static AnnotationText started(String scenario, String comment, long from, long to, int nodes, long atMillis) {
        String commented = comment == null || comment.isBlank() ? "" : " Comment: " + comment.strip() + ".";
        return event("amoc start", "Scenario: " + scenario + "." + commented + " Start: " + from + ". End: " + to
                + ". Nodes: " + nodes + ".", atMillis);
    }

    public static AnnotationText added(String scenario, long from, long to, int nodes, long atMillis) {
        return event("amoc add", "Scenario: " + scenario + ". Start: " + from + ". End: " + to + ". Nodes: " + nodes
                + ".", atMillis);
    }

    /** A removal, saying whether the users were interrupted ({@code force}) or let finish their iteration. */
    public static AnnotationText removed(String scenario, long count, boolean force, int nodes, long atMillis) {
        return event("amoc remove", "Scenario: " + scenario + ". Removed: " + count + ". Force: " + force
                + ". Nodes: " + nodes + ".", atMillis);
    }

    public static AnnotationText stopped(String scenario, int nodes, long atMillis) {
        return event("amoc stop", "Scenario: " + scenario + ". Nodes: " + nodes + ".", atMillis);
    }

    private static AnnotationText event(String what, String data, long atMillis) {
        return new AnnotationText(what, what, data, atMillis / MILLIS_PER_SECOND);
    }

    /** The body graphite-web's {@code /events/} takes. */
    public String json() {
        return "{\"what\": " + quoted(what) + ", \"tags\": " + quoted(tags) + ", \"data\": " + quoted(data)
                + ", \"when\": " + when + "}";
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
