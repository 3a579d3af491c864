package io.amoc.shell.cli;

import io.amoc.verdict.Verdict;

/**
 * Every exit status of {@code bin/amoc}, in one place. {@code bin/amoc run} gives CI its verdict with 0 (passed), 1
 * (a threshold failed), 2 (error: the test could not be carried out, or its command line is wrong) and 3
 * (inconclusive: a load generator was overloaded); 1 and 2 mean the same for it as for every other command.
 */
public enum ExitCode {
    /** Everything asked for was done; for {@code run}: every threshold held. */
    OK(0),
    /** A command failed (in a script: the first failed command; the rest was not run). */
    COMMAND_FAILED(1),
    /** {@code run}: a threshold failed (what was asked for failed, as {@link #COMMAND_FAILED}). */
    THRESHOLD_FAILED(1),
    /** The command line of bin/amoc itself is wrong (unknown option or subcommand). */
    USAGE(2),
    /**
     * {@code run}: the test could not be carried out (no slaves, a node that did not start or left, users that
     * ignored the stop, no report).
     */
    RUN_ERROR(2),
    /** {@code run}: inconclusive, a load generator was overloaded during the run: its figures may be its own. */
    INCONCLUSIVE(3),
    /** There is no running amoc daemon to talk to. */
    NOT_RUNNING(4),
    /** A node ended because it cannot go on (a slave that ran out of memory); its log and its master say why. */
    NODE_FAILED(5),
    /** No JDK 21 or newer was found (set by bin/amoc before Java starts; sysexits' EX_UNAVAILABLE). */
    NO_JDK(69),
    /** A fault in amoc itself; the message asks to report it. */
    INTERNAL_ERROR(70);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The exit status of {@code bin/amoc run} for a verdict. */
    public static ExitCode of(Verdict.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> OK;
            case FAILED -> THRESHOLD_FAILED;
            case INCONCLUSIVE -> INCONCLUSIVE;
            case ERROR -> RUN_ERROR;
        };
    }
}
