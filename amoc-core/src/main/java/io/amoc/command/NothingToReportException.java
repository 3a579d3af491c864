package io.amoc.command;

/** A report was asked of a target on which no run was started since the master started. */
public final class NothingToReportException extends CommandException {

    public NothingToReportException(Target target) {
        super(target.operation("report") + ": no run to report on yet: start one with " + target.operation("do")
                + "(Scenario, From, To)");
    }
}
