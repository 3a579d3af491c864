package io.amoc.command;

/**
 * A change that does not fit what the target is doing: a start while a scenario runs there, users added or removed
 * while none runs. Nothing was changed; the message says what to do first (an HTTP front end answers 409).
 */
public final class RunStateException extends CommandException {

    private RunStateException(String message) {
        super(message);
    }

    static RunStateException alreadyRunning(Target target, String scenario) {
        return new RunStateException(target.operation("do") + ": " + scenario + " is already running: stop it first"
                + " with " + target.operation("stop") + "()");
    }

    static RunStateException notRunning(Target target, String verb) {
        return new RunStateException(target.operation(verb) + ": no scenario is running: start one with "
                + target.operation("do") + "(Name, From, To)");
    }
}
