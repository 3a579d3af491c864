package io.amoc.shell.command;

import io.amoc.command.ConfigChange;
import io.amoc.command.ConfigEntry;
import io.amoc.command.Settings;
import io.amoc.config.ConfigSource;
import io.amoc.config.Literal;
import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Param;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.Table;

import java.util.List;
import java.util.Locale;

/** config.get, config.set and config.list over the master's {@link Settings}. */
public final class ConfigCommands {

    private ConfigCommands() {
    }

    public static List<Command> of(Settings settings) {
        return List.of(
                new Command("config.get", "show a configuration value (or its default)",
                        List.of(Param.required("key", ArgTypes.CONFIG_KEY_NAME)),
                        args -> Reply.ok(describe(settings.get(args.text("key"))))),
                new Command("config.set", "set a value at run time (checked, then pushed to the nodes)",
                        List.of(Param.required("key", ArgTypes.CONFIG_KEY_NAME), Param.required("value", ArgTypes.VALUE)),
                        args -> Reply.ok(describe(settings.set(args.text("key"), args.value("value"))))),
                Command.of("config.list", "list every known key with its value, default and source",
                        args -> Reply.ok(table(settings.list()))));
    }

    /** {@code key = value}, or for a key set nowhere its default: {@code repeat_num = infinity (default)}. */
    static String describe(ConfigEntry entry) {
        if (entry.source() != ConfigSource.DEFAULT) {
            return entry.key() + " = " + Literal.format(entry.value().orElseThrow());
        }
        if (entry.value().isPresent()) {
            return entry.key() + " = " + Literal.format(entry.value().get()) + " (default)";
        }
        return entry.key() + " is not set " + entry.defaultText().map(text -> "(default " + text + ")")
                .orElse("(no default: a scenario gives its own when it reads the key)");
    }

    private static String describe(ConfigChange change) {
        String shadowed = !change.shadowed() ? "" : " (but the environment's AMOC_"
                + change.key().toUpperCase(Locale.ROOT) + " = " + Literal.format(change.effective().value().orElseThrow())
                + " wins)";
        String hint = change.hint().map(text -> " (" + text + ")").orElse("");
        return change.key() + " = " + Literal.format(change.value()) + shadowed + hint;
    }

    private static String table(List<ConfigEntry> entries) {
        Table table = new Table("key", "value", "default", "source");
        for (ConfigEntry entry : entries) {
            String value = entry.source() == ConfigSource.DEFAULT ? "" : Literal.format(entry.value().orElseThrow());
            table.row(entry.key(), value, entry.defaultText().orElse(""), entry.source().label());
        }
        return table.render();
    }
}
