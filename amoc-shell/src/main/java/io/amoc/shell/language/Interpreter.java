package io.amoc.shell.language;

import io.amoc.command.ClosestName;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs command lines against a list of commands: parse, bind the arguments, call the handler, and turn every
 * failure into a one-line error (never a stack trace). The console, scripts, eval and attach all use it. A command
 * whose thread is interrupted while it runs (Ctrl-C) is cancelled: it ends with {@link #CANCELLED}, after what it did
 * so far, and the thread stays interrupted for its caller to see.
 */
public final class Interpreter implements CommandRunner {

    /** Starts the text of every failed reply. */
    public static final String ERROR_PREFIX = Reply.ERROR_PREFIX;
    /** The reply of a command cancelled while it ran (its thread was interrupted: Ctrl-C, or its client left). */
    public static final String CANCELLED = ERROR_PREFIX + "cancelled";

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
        return run(line, told -> { });
    }

    @Override
    public Reply run(String line, Consumer<String> progress) {
        if (isBlankOrComment(line)) {
            return Reply.ok("");
        }
        try {
            Invocation call = CommandParser.parse(line);
            Command command = find(call.name()).orElseThrow(() -> unknown(call.name()));
            Reply reply = command.handler().handle(command.bind(call, session, progress));
            return Thread.currentThread().isInterrupted() ? cancelledAfter(reply) : reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(CANCELLED);
        } catch (Exception e) {
            return Reply.error(ERROR_PREFIX + ErrorText.of(e));
        }
    }

    /** A command cancelled while it ran (Ctrl-C): what it did so far, then this line. */
    private static Reply cancelledAfter(Reply partial) {
        return Reply.error(partial.text().isEmpty() ? CANCELLED
                : partial.text() + "\n" + CANCELLED + " before it finished: what it did so far is above");
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
