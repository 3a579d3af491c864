package io.amoc.shell.command;

import io.amoc.config.Config;
import io.amoc.config.Literal;
import io.amoc.shell.Reply;
import io.amoc.shell.render.Table;

import java.util.List;
import java.util.Optional;

/** config.get, config.set and config.list over the configuration of this JVM. */
public final class ConfigCommands {

    /** Called after {@code config.set} changed a value, e.g. to push it to the nodes of a cluster. */
    @FunctionalInterface
    public interface ChangeListener {
        void changed(String key, Object value) throws Exception;
    }

    private ConfigCommands() {
    }

    public static List<Command> of(Config config, ChangeListener onSet) {
        return List.of(
                new Command("config.get", "show a configuration value",
                        List.of(Param.required("key", ArgTypes.CONFIG_KEY_NAME)),
                        args -> get(config, args.text("key"))),
                new Command("config.set", "set a value at run time (pushed to the nodes)",
                        List.of(Param.required("key", ArgTypes.CONFIG_KEY_NAME), Param.required("value", ArgTypes.VALUE)),
                        args -> set(config, onSet, args.text("key"), args.value("value"))),
                Command.of("config.list", "list every known key with its value", args -> list(config)));
    }

    private static Reply get(Config config, String key) {
        Optional<Object> value = config.find(key);
        return Reply.ok(value.map(v -> key + " = " + Literal.format(v))
                .orElse(key + " is not set: the built-in default applies (see conf/amoc.properties)"));
    }

    private static Reply set(Config config, ChangeListener onSet, String key, Object value) throws Exception {
        config.set(key, value);
        onSet.changed(key, value);
        Object effective = config.get(key);
        String shadowed = effective.equals(value) ? ""
                : " (but the environment's AMOC_" + key.toUpperCase(java.util.Locale.ROOT) + " = "
                + Literal.format(effective) + " wins)";
        return Reply.ok(key + " = " + Literal.format(value) + shadowed);
    }

    private static Reply list(Config config) {
        Table table = new Table("key", "value");
        config.knownKeys().forEach(key -> table.row(key, config.find(key).map(Literal::format).orElse("")));
        return Reply.ok(table.size() == 0 ? "no configuration values are set" : table.render());
    }
}
