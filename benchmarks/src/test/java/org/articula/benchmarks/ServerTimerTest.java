package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServerTimerTest {

    private static String metrics(double created, double createdSum, double refused, double refusedSum) {
        return String.join("\n", "# TYPE http_server_requests_seconds summary",
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\","
                        + "uri=\"/api/v1/lots\"} " + created,
                "http_server_requests_seconds_sum{method=\"POST\",outcome=\"SUCCESS\",status=\"201\","
                        + "uri=\"/api/v1/lots\"} " + createdSum,
                "http_server_requests_seconds_max{method=\"POST\",outcome=\"SUCCESS\",status=\"201\","
                        + "uri=\"/api/v1/lots\"} 0.224528563",
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SERVER_ERROR\",status=\"503\","
                        + "uri=\"/api/v1/lots\"} " + refused,
                "http_server_requests_seconds_sum{method=\"POST\",outcome=\"SERVER_ERROR\",status=\"503\","
                        + "uri=\"/api/v1/lots\"} " + refusedSum,
                // Other paths and methods are not the lots POST's, however close their names.
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/api/v1/lots/batch\"} 7.0",
                "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"201\","
                        + "uri=\"/api/v1/lots\"} 99.0",
                "");
    }

    @Test
    void theMeanOfAPhaseComesFromTheCountsAndSumsBeforeAndAfterIt() {
        ServerTimer before = ServerTimer.parse(metrics(1000, 5.0, 10, 0.02), "/api/v1/lots");
        ServerTimer after = ServerTimer.parse(metrics(1500, 15.0, 410, 0.82), "/api/v1/lots");

        assertEquals(500, after.countSince(before, "201"));
        assertEquals(20.0, after.meanMillisSince(before, "201"), 1e-9);
        assertEquals(400, after.countSince(before, "503"));
        assertEquals(2.0, after.meanMillisSince(before, "503"), 1e-9);
        assertEquals(224.528563, after.recentMaxMillis("201"), 1e-6);
    }

    @Test
    void aStatusNeverAnsweredCountsAsNoneAndOtherPathsAreLeftOut() {
        ServerTimer before = ServerTimer.parse("", "/api/v1/lots");
        ServerTimer after = ServerTimer.parse(metrics(3, 0.03, 0, 0), "/api/v1/lots");

        assertEquals(3, after.countSince(before, "201"));
        assertEquals(10.0, after.meanMillisSince(before, "201"), 1e-9);
        assertEquals(0, after.countSince(before, "200"));
        assertEquals(0.0, after.meanMillisSince(before, "409"));
        assertEquals(0.0, after.recentMaxMillis("503"));
    }
}
