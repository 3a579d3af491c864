package io.amoc.command;

import java.util.List;
import java.util.Optional;

/**
 * A start, add or remove names nodes its target does not have: refused before any node is asked, so that nothing
 * starts on the nodes it does have. The message names the unknown nodes and the known ones, with "did you mean" for a
 * name close to a known one.
 */
public final class UnknownNodesException extends CommandException {

    /** A name this many edits or fewer from a node's is taken for a typo of it (and said so). */
    private static final int TYPO_EDITS = 2;

    private final List<String> unknown;

    private UnknownNodesException(String message, List<String> unknown) {
        super(message);
        this.unknown = unknown;
    }

    /** Refuses {@code named} unless each is one of {@code known}. */
    static void refuseUnknown(String operation, List<String> named, List<String> known) throws UnknownNodesException {
        List<String> unknown = named.stream().filter(name -> !known.contains(name)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<String> meant = unknown.stream().map(name -> ClosestName.to(name, known, TYPO_EDITS))
                .flatMap(Optional::stream).distinct().toList();
        String nodes = known.isEmpty() ? "none" : String.join(", ", known);
        throw new UnknownNodesException(operation + ": " + (unknown.size() == 1 ? "no node named " : "no nodes named ")
                + String.join(", ", unknown) + ": the nodes are " + nodes
                + (meant.isEmpty() ? "" : " (did you mean " + String.join(", ", meant) + "?)"), unknown);
    }

    /** The names that match no node. */
    public List<String> unknown() {
        return unknown;
    }
}
