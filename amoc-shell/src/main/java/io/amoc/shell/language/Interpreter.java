package io.amoc.shell.language;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs command lines against a list of commands: parse, bind the arguments, call the handler, and turn every
 * failure into a one-line error (never a stack trace). The console, scripts, eval and attach all use it.
 */
public final class Interpreter implements CommandRunner {

    /** Starts the text of every failed reply. */
    public static final String ERROR_PREFIX = Reply.ERROR_PREFIX;

    private final Map<String, Command> commands = new TreeMap<>();
    private final Session session;

    public Interpreter(List<Command> commands, Session session) {
        for (Command command : commands) {
            if (this.commands.putIfAbsent(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands are named " + command.name());
            }
        }
        this.session = session;
    }

    @Override
    public Reply run(String line) {
        if (isBlankOrComment(line)) {
            return Reply.ok("");
        }
        try {
            Invocation call = CommandParser.parse(line);
            Command command = find(call.name()).orElseThrow(() -> unknown(call.name()));
            return command.handler().handle(command.bind(call, session));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(ERROR_PREFIX + "interrupted");
        } catch (Exception e) {
            return Reply.error(ERROR_PREFIX + ErrorText.of(e));
        }
    }

    /** True for lines that scripts skip: blank, or a {@code #} comment. */
    public static boolean isBlankOrComment(String line) {
        String text = line.strip();
        return text.isEmpty() || text.startsWith("#");
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** The commands, sorted by name. */
    public Collection<Command> commands() {
        return Collections.unmodifiableCollection(commands.values());
    }

    public Session session() {
        return session;
    }

    private CommandSyntaxException unknown(String name) {
        String hint = ClosestName.to(name, commands.keySet())
                .map(closest -> ": did you mean " + closest + "? (type help for the list)")
                .orElse(": type help for the list");
        return new CommandSyntaxException("unknown command " + name + hint);
    }
}
