package org.voarchive.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voarchive.dali.DaliParameters;

class JobRequestTest {

    private static JobRequest parse(String... nameValues) throws UwsException {
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return JobRequest.parse(DaliParameters.of(form));
    }

    @Test
    void controlParametersAreNotJobParameters() throws UwsException {
        JobRequest r = parse("QUERY", "SELECT 1", "LANG", "ADQL", "EXECUTIONDURATION", " 30 ",
            "DESTRUCTION", "2030-01-31T12:00:00Z", "PHASE", "run");
        assertEquals(List.of("QUERY", "LANG"), r.parameters().stream().map(JobParameter::name).toList());
        assertEquals(30, r.executionDuration().getAsLong());
        assertEquals(Instant.parse("2030-01-31T12:00:00Z"), r.destruction().orElseThrow());
        assertTrue(r.run());
        assertTrue(r.changesPending());
        assertFalse(r.delete());
    }

    @Test
    void onlyTheDestructionAndTheNameMayChangeInAnyPhase() throws UwsException {
        assertFalse(parse("DESTRUCTION", "2030-01-31T12:00:00Z", "PHASE", "ABORT").changesPending());
        // RUNID alone is the job's name, a label: the Jobs page renames finished jobs
        assertFalse(parse("RUNID", "x").changesPending());
        assertTrue(parse("RUNID", "x", "QUERY", "SELECT 1").changesPending());
        assertTrue(parse("RUNID", "x", "EXECUTIONDURATION", "30").changesPending());
        assertTrue(parse("QUERY", "SELECT 1").changesPending());
        assertTrue(parse("ACTION", "delete").delete());
    }

    @Test
    void malformedControlsAreRefusedBeforeAnythingChanges() {
        assertEquals(400, assertThrows(UwsException.class, () -> parse("PHASE", "SUSPEND")).status());
        assertEquals(400, assertThrows(UwsException.class, () -> parse("ACTION", "PURGE")).status());
        assertEquals(400, assertThrows(UwsException.class, () -> parse("EXECUTIONDURATION", "-1")).status());
        assertEquals(400, assertThrows(UwsException.class, () -> parse("EXECUTIONDURATION", "soon")).status());
        assertEquals(400, assertThrows(UwsException.class, () -> parse("DESTRUCTION", "tomorrow")).status());
        assertEquals(400, assertThrows(UwsException.class, () -> parse("PHASE", "RUN", "PHASE", "ABORT")).status());
    }
}
