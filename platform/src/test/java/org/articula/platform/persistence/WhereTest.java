package org.articula.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void aFilterNotGivenAddsNeitherItsConditionNorItsParameter() {
        Where where = Where.always("organisationId = :org", "org", "o-1")
                .andIfGiven("centreId = :centre", "centre", null)
                .andIfGiven("status = :status", "status", "OPEN");

        assertEquals("organisationId = :org and status = :status order by openedAt desc, id",
                where.orderBy("openedAt desc, id"));
        assertEquals(Map.of("org", "o-1", "status", "OPEN"), where.parameters());
    }

    @Test
    void anUnconditionalConditionIsAddedWhateverItsValue() {
        Where where = Where.always("organisationId = :org", "org", "o-1").and("name like :w0", "w0", "%ana%");

        assertEquals("organisationId = :org and name like :w0 order by name", where.orderBy("name"));
        assertEquals(Map.of("org", "o-1", "w0", "%ana%"), where.parameters());
    }
}
