package io.amoc.shell.language;

/** What belongs to one conversation with the shell (a console, a script, an attached client). */
public final class Session {

    private volatile boolean exitRequested;

    /** Asks the conversation to end after the current command ({@code exit}). */
    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }
}
