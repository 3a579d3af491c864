package io.amoc.shell.language;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One command of the shell: its name ({@code local.add}), a one-line help, its parameters and what it does.
 * Commands are thin: the handler calls one method and renders the result.
 */
public record Command(String name, String help, List<Param> params, Handler handler) {

    /** What a command does with its bound arguments. Exceptions are shown as one-line errors. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Args args) throws Exception;
    }

    public Command {
        params = List.copyOf(params);
    }

    /** A command without parameters. */
    public static Command of(String name, String help, Handler handler) {
        return new Command(name, help, List.of(), handler);
    }

    /** How to call it, e.g. {@code local.remove(Count[, force=false])}. */
    public String usage() {
        if (params.isEmpty()) {
            return name;
        }
        String required = params.stream().filter(Param::isRequired).map(p -> capitalized(p.name()))
                .collect(Collectors.joining(", "));
        String optional = params.stream().filter(p -> !p.isRequired())
                .map(p -> required.isEmpty() && "".equals(p.defaultValue()) ? capitalized(p.name())
                        : p.name() + "=" + io.amoc.config.Literal.format(p.defaultValue()))
                .map(s -> "[" + (required.isEmpty() ? "" : ", ") + s + "]").collect(Collectors.joining());
        return name + "(" + required + optional + ")";
    }

    /**
     * Binds and converts the parsed arguments to this command's parameters; {@code progress} hears what the command
     * tells while it runs.
     */
    public Args bind(Invocation call, Session session, Consumer<String> progress) throws BadArgumentException {
        List<Argument> positional = call.positional();
        if (positional.size() > params.size()) {
            throw problem("takes " + count(params.size()) + ", got " + positional.size());
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < positional.size(); i++) {
            values.put(params.get(i).name(), convert(params.get(i), positional.get(i)));
        }
        for (Map.Entry<String, Argument> entry : call.named().entrySet()) {
            Param param = params.stream().filter(p -> p.name().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> problem("has no argument named " + entry.getKey()));
            if (values.containsKey(param.name())) {
                throw problem("got " + param.name() + " twice: give it once");
            }
            values.put(param.name(), convert(param, entry.getValue()));
        }
        for (Param param : params) {
            if (!values.containsKey(param.name())) {
                if (param.isRequired()) {
                    long required = params.stream().filter(Param::isRequired).count();
                    throw problem("needs " + count(required) + ", got " + positional.size());
                }
                values.put(param.name(), param.defaultValue());
            }
        }
        return new Args(values, session, progress);
    }

    private Object convert(Param param, Argument argument) throws BadArgumentException {
        try {
            return param.type().convert(argument);
        } catch (BadArgumentException e) {
            throw new BadArgumentException(name + ": " + capitalized(param.name()) + " " + e.getMessage()
                    + " (usage: " + usage() + ")");
        }
    }

    private BadArgumentException problem(String what) {
        return new BadArgumentException(name + " " + what + " (usage: " + usage() + ")");
    }

    private static String count(long n) {
        return n == 0 ? "no arguments" : n == 1 ? "1 argument" : n + " arguments";
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
