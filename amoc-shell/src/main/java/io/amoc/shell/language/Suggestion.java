package io.amoc.shell.language;

/**
 * One completion offered for the word under the cursor.
 *
 * @param value       the text that replaces the word, e.g. {@code local.do(} or {@code force=}
 * @param display     how it is listed, e.g. {@code local.do}
 * @param description a short explanation shown beside it, "" for none
 * @param complete    true when nothing more is expected after it (a space may follow)
 */
public record Suggestion(String value, String display, String description, boolean complete) {
}
