package io.amoc.shell.language;

import java.util.Map;

/** The arguments of one call, bound to the command's parameters and converted to their types. */
public final class Args {

    private final Map<String, Object> values;
    private final Session session;

    Args(Map<String, Object> values, Session session) {
        this.values = Map.copyOf(values);
        this.session = session;
    }

    /** The value of parameter {@code name} (the default when it was not given). */
    public <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return type.cast(value);
    }

    public long number(String name) {
        return get(name, Long.class);
    }

    public String text(String name) {
        return get(name, String.class);
    }

    public boolean flag(String name) {
        return get(name, Boolean.class);
    }

    /** The value of parameter {@code name} as given (any literal type). */
    public Object value(String name) {
        return values.get(name);
    }

    /** The conversation this call belongs to. */
    public Session session() {
        return session;
    }
}
