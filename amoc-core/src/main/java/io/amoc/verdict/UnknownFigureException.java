package io.amoc.verdict;

/** A threshold reads a time that the run never recorded (a typo, or the scenario never got that far). */
public final class UnknownFigureException extends Exception {

    public UnknownFigureException(String message) {
        super(message);
    }
}
