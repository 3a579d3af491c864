package io.amoc.shell.render;

import io.amoc.engine.IdRange;

import java.util.List;
import java.util.stream.Collectors;

/** Short descriptions of sets of user ids: {@code 11..20}, {@code 2..8 step 3}, {@code 20, 18, 17}. */
public final class UserIds {

    /** Lists longer than this are shortened to their first ids and a count. */
    private static final int MAX_LISTED = 8;

    private UserIds() {
    }

    public static String of(IdRange range) {
        if (range.isEmpty()) {
            return "none";
        }
        String ids = range.size() == 1 ? Long.toString(range.first()) : range.first() + ".." + range.highest();
        return range.step() == 1 || range.size() == 1 ? ids : ids + " step " + range.step();
    }

    /** Ids in the order given: a range when they are consecutive, else listed (the first few). */
    public static String of(List<Long> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        if (ids.size() > 1 && Math.abs(last - first) == ids.size() - 1 && isMonotonicByOne(ids)) {
            return first + ".." + last;
        }
        String listed = ids.stream().limit(MAX_LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return ids.size() > MAX_LISTED ? listed + ", ... (" + ids.size() + " in all)" : listed;
    }

    private static boolean isMonotonicByOne(List<Long> ids) {
        long step = ids.get(1) - ids.get(0);
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) - ids.get(i - 1) != step) {
                return false;
            }
        }
        return Math.abs(step) == 1;
    }
}
