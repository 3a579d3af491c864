package io.amoc.command;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name closest to a mistyped one (edit distance), for "did you mean ...?" hints: of a command in the
 * shell, of a registered key in {@code config.set}.
 */
public final class ClosestName {

    /** Names further away than this (in edits) are not suggested, unless one ends with the typed name. */
    private static final int MAX_DISTANCE = 3;

    private ClosestName() {
    }

    public static Optional<String> to(String typed, Collection<String> known) {
        return to(typed, known, MAX_DISTANCE);
    }

    /** The same, with names at most {@code maxDistance} edits away. */
    public static Optional<String> to(String typed, Collection<String> known, int maxDistance) {
        Optional<String> byEnding = known.stream().filter(k -> k.endsWith("." + typed)).sorted().findFirst();
        if (byEnding.isPresent()) {
            return byEnding;
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance(lower, k)).thenComparing(k -> k))
                .filter(k -> distance(lower, k) <= maxDistance);
    }

    /** The Levenshtein distance between two texts. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
