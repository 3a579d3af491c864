package io.amoc.shell.cli;

/** Every exit status of {@code bin/amoc}, in one place. */
public enum ExitCode {
    /** Everything asked for was done. */
    OK(0),
    /** A command failed (in a script: the first failed command; the rest was not run). */
    COMMAND_FAILED(1),
    /** The command line of bin/amoc itself is wrong (unknown option or subcommand). */
    USAGE(2),
    /** No JDK 21 or newer was found (set by bin/amoc before Java starts). */
    NO_JDK(3),
    /** There is no running amoc daemon to talk to. */
    NOT_RUNNING(4),
    /** A node ended because it cannot go on (a slave that ran out of memory); its log and its master say why. */
    NODE_FAILED(5),
    /** A fault in amoc itself; the message asks to report it. */
    INTERNAL_ERROR(70);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
