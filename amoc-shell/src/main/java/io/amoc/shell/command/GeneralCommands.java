package io.amoc.shell.command;

import io.amoc.shell.language.ArgTypes;
import io.amoc.shell.language.Args;
import io.amoc.shell.language.BadArgumentException;
import io.amoc.command.ClosestName;
import io.amoc.shell.language.Command;
import io.amoc.shell.language.Param;
import io.amoc.shell.language.Reply;
import io.amoc.shell.render.Table;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** help, sleep and exit. */
public final class GeneralCommands {

    private GeneralCommands() {
    }

    /** The general commands; {@code known} gives every command of the shell, for help. */
    public static List<Command> of(Supplier<Collection<Command>> known) {
        return List.of(
                new Command("help", "list the commands, or explain one: help(local.add)",
                        List.of(Param.optional("command", ArgTypes.COMMAND_NAME, "")),
                        args -> help(known.get(), args.text("command"))),
                new Command("sleep", "wait this many milliseconds (in scripts)",
                        List.of(Param.required("ms", ArgTypes.MILLIS)), GeneralCommands::sleep),
                Command.of("exit", "leave the shell (as Ctrl-D); a console's users end",
                        args -> {
                            args.session().requestExit();
                            return Reply.ok("");
                        }));
    }

    private static Reply help(Collection<Command> commands, String name) throws BadArgumentException {
        if (name.isEmpty()) {
            Table table = new Table("command", "what it does");
            commands.forEach(c -> table.row(c.usage(), c.help()));
            return Reply.ok(table.render() + "\nArguments are literals: 10, 1.5, true, infinity, \"text\", [a, b]; "
                    + "named ones last: force=true.\nType help(command) for one command, Tab to complete, "
                    + "Ctrl-D to leave.");
        }
        Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadArgumentException("help: no command named " + name
                        + ClosestName.to(name, commands.stream().map(Command::name).toList())
                        .map(c -> ": did you mean " + c + "?").orElse(": type help for the list")));
        StringBuilder out = new StringBuilder(command.usage()).append("\n  ").append(command.help());
        for (Param param : command.params()) {
            out.append("\n  ").append(param.name()).append(": ").append(param.type().description());
            if (!param.isRequired() && !"".equals(param.defaultValue())) {
                out.append(" (default ").append(io.amoc.config.Literal.format(param.defaultValue())).append(')');
            }
        }
        return Reply.ok(out.toString());
    }

    private static Reply sleep(Args args) throws InterruptedException {
        Thread.sleep(args.number("ms"));
        return Reply.ok("");
    }
}
