package io.amoc.shell.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableTest {

    @Test
    void columnsArePaddedAndNumbersRightAligned() {
        String table = new Table("node", "users", "result").row("local", 5, "ok").row("host-b:7000", 120, "failed(x)").render();
        assertEquals("node   scenario  users\nlocal  -         -",
                new Table("node", "scenario", "users").row("local", "-", "-").render());
        assertEquals("""
                node         users  result
                local            5  ok
                host-b:7000    120  failed(x)""", table);
    }
}
