package io.amoc.metrics;

/** The Graphite events amoc posts: what, tags and text for a start, an add and a remove. */
public record AnnotationText(String what, String tags, String data) {

    public static AnnotationText started(String scenario, String comment, long from, long to, int nodes) {
        return new AnnotationText("amoc start", "amoc start", "Scenario: " + scenario + ". comment: " + comment
                + ". Start: " + from + ". End: " + to + ". Nodes: " + nodes + ".");
    }

    public static AnnotationText added(String scenario, long from, long to, int nodes) {
        return new AnnotationText("amoc add", "amoc add", "Scenario: " + scenario + ". Start: " + from
                + ". End: " + to + ". Nodes: " + nodes + ".");
    }

    public static AnnotationText removed(String scenario, long count, int nodes) {
        return new AnnotationText("amoc remove", "amoc remove", "Scenario: " + scenario + ". Removed: " + count
                + ". Nodes: " + nodes + ".");
    }

    /** The body graphite-web's {@code /events/} takes. */
    public String json() {
        return "{\"what\": " + quoted(what) + ", \"tags\": " + quoted(tags) + ", \"data\": " + quoted(data) + "}";
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
