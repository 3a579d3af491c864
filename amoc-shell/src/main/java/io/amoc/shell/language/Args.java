package io.amoc.shell.language;

import java.util.Map;
import java.util.function.Consumer;

/** The arguments of one call, bound to the command's parameters and converted to their types. */
public final class Args {

    private final Map<String, Object> values;
    private final Session session;
    private final Consumer<String> progress;

    Args(Map<String, Object> values, Session session, Consumer<String> progress) {
        this.values = Map.copyOf(values);
        this.session = session;
        this.progress = progress;
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

    /** Tells the caller how the command goes, before its reply (one line, e.g. a slow init still running). */
    public void progress(String line) {
        progress.accept(line);
    }

    /** The conversation this call belongs to. */
    public Session session() {
        return session;
    }
}
