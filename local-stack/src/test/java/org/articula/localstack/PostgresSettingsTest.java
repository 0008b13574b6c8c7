package org.articula.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {

    @Test
    void settingsForMeasuringAreNameValuePairsSeparatedBySpaces() {
        Map<String, String> settings = PostgresServer.extraSettings(
                " shared_preload_libraries=pg_stat_statements  track_io_timing=on ");
        assertEquals(List.of("shared_preload_libraries", "track_io_timing"), List.copyOf(settings.keySet()));
        assertEquals("pg_stat_statements", settings.get("shared_preload_libraries"));
        assertEquals("on", settings.get("track_io_timing"));
        assertEquals(Map.of(), PostgresServer.extraSettings(null));
        assertEquals(Map.of(), PostgresServer.extraSettings("  "));
        assertEquals("a=b", PostgresServer.extraSettings("x=a=b").get("x"));
    }

    @Test
    void aSettingWithoutValueIsRefusedNotIgnored() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PostgresServer.extraSettings("fsync"));
        assertEquals("ARTICULA_PG_SETTINGS: fsync is not name=value", e.getMessage());
    }
}
