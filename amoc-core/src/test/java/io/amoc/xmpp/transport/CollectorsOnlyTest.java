package io.amoc.xmpp.transport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectorsOnlyTest {

    /** The Smack on the class path has the fields and method the shortcut reaches (else it would be off, silently). */
    @Test
    void theShortcutReachesThisSmacksListenersAndCollectors() {
        assertTrue(CollectorsOnly.available());
    }
}
