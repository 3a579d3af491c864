package io.amoc.rmi;

import io.amoc.compile.ScenarioBundle;
import io.amoc.engine.IdRange;
import io.amoc.engine.NodeState;
import io.amoc.engine.NodeStatus;
import io.amoc.engine.RemovalReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SerialFiltersTest {

    private static Object roundTrip(Object value, ObjectInputFilter filter) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        }
    }

    @Test
    void aSlaveReadsTheProtocolsArgumentsAsTheMasterSendsThem() throws Exception {
        HashMap<String, Object> settings = Wire.settings(Map.of("interarrival", 0L, "ratio", 0.5, "on", true,
                "name", "x", "list", List.of("a", 1L)));
        assertEquals(settings, roundTrip(settings, SerialFilters.slaveInbound()));
        ScenarioBundle bundle = Wire.bundle(new ScenarioBundle("S", "S", Map.of("S", new byte[]{1, 2}), "ab"));
        assertArrayEquals(new byte[]{1, 2}, ((ScenarioBundle) roundTrip(bundle, SerialFilters.slaveInbound())).classBytes().get("S"));
        assertEquals(new IdRange(1, 9, 2), roundTrip(new IdRange(1, 9, 2), SerialFilters.slaveInbound()));
        assertArrayEquals(new long[]{3, 2}, (long[]) roundTrip(new long[]{3, 2}, SerialFilters.slaveInbound()));
    }

    @Test
    void aSlaveRefusesOtherJdkTypesAndOversizedArrays() {
        assertThrows(InvalidClassException.class, () -> roundTrip(new java.util.Date(), SerialFilters.slaveInbound()));
        assertThrows(InvalidClassException.class, () -> roundTrip(new LinkedList<>(List.of(1L)), SerialFilters.slaveInbound()));
        assertThrows(InvalidClassException.class, () -> roundTrip(new NodeStatus("n", NodeState.IDLE, null, null, null,
                0, 0, 0, 0, 0), SerialFilters.slaveInbound()), "answers are not arguments");
        assertThrows(InvalidClassException.class,
                () -> roundTrip(new byte[SerialFilters.MAX_ARRAY_LENGTH + 1], SerialFilters.slaveInbound()));
    }

    @Test
    void theMasterReadsStatusesReportsAndTheJdksExceptions() throws Exception {
        RemovalReport report = new RemovalReport(List.of(3L, 2L), List.of());
        assertEquals(report, roundTrip(report, SerialFilters.masterInbound()));
        NodeStatus status = new NodeStatus("n", NodeState.FAILED, "why", "S", "ab", 1, 2, 3, 4, 5);
        assertEquals(status, roundTrip(status, SerialFilters.masterInbound()));
        Object refused = roundTrip(new SlaveException("no"), SerialFilters.masterInbound());
        assertEquals("no", ((SlaveException) refused).getMessage());
        roundTrip(new java.rmi.ServerException("wrapped", new java.rmi.UnmarshalException("inner",
                new InvalidClassException("filter status: REJECTED"))), SerialFilters.masterInbound());
        roundTrip(new ArrayList<>(List.of(Map.of("k", 1L))), SerialFilters.masterInbound());
        NodeStatus overloaded = new NodeStatus("n", NodeState.RUNNING, null, "S", "ab", 1, 2, 3, 4, 5, 0, null, "CPU 97%");
        assertEquals(overloaded, roundTrip(overloaded, SerialFilters.masterInbound()));
        io.amoc.engine.NodeRunInfo info = new io.amoc.engine.NodeRunInfo("25", "dev", List.of(
                new io.amoc.health.OverloadSpell(1, 2, "CPU 97%"), new io.amoc.health.OverloadSpell(3, -1, "lag")));
        assertEquals(info, roundTrip(info, SerialFilters.masterInbound()));
    }

    @Test
    void theMasterRefusesAnythingElse() {
        assertThrows(InvalidClassException.class, () -> roundTrip(new java.util.Date(), SerialFilters.masterInbound()));
        assertThrows(InvalidClassException.class,
                () -> roundTrip(new RecordsItsDeserialization(java.nio.file.Path.of("unused")), SerialFilters.masterInbound()));
    }
}
