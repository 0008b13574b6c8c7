package org.articula.localstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table downloaded as a spreadsheet would open it: asked with {@code Accept: text/csv}, checked to be a
 * UTF-8 CSV attachment with a byte order mark, CRLF line ends and the expected file name, and read back
 * with the library the services write it with.
 */
public final class CsvDownloads {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvDownloads() {
    }

    /** The rows under their headers, each as column → value. */
    public record Table(List<String> header, List<Map<String, String>> rows) {

        public List<String> column(String name) {
            assertTrue(header.contains(name), () -> "no column «" + name + "» in " + header);
            return rows.stream().map(r -> r.get(name)).toList();
        }

        public Map<String, String> row(int index) {
            return rows.get(index);
        }

        /** The rows whose {@code column} is {@code value}. */
        public List<Map<String, String>> where(String column, String value) {
            return rows.stream().filter(r -> value.equals(r.get(column))).toList();
        }

        /** A cell as a number, for comparison with the JSON figure of the same thing. */
        public static BigDecimal number(Map<String, String> row, String column) {
            String value = row.get(column);
            return value == null || value.isEmpty() ? null : new BigDecimal(value);
        }
    }

    /** GET {@code path} as text/csv: 200, saved as {@code fileName}. */
    public static Table get(RequestSpecification request, String path, String fileName) {
        ExtractableResponse<Response> response = request.accept("text/csv").get(path).then().statusCode(200)
                .contentType("text/csv").extract();
        assertEquals("attachment; filename=\"" + fileName + "\"", response.header("Content-Disposition"));
        assertTrue(response.contentType().toLowerCase().contains("charset=utf-8"), response.contentType());
        return read(response.asByteArray());
    }

    static Table read(byte[] bytes) {
        assertTrue(bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF, "no UTF-8 byte order mark: a spreadsheet would garble the accents");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n") && text.indexOf('\n') == text.indexOf("\r\n") + 1,
                "lines must end in CRLF: " + text);
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            while (it.hasNextValue()) {
                lines.add(it.nextValue());
            }
        } catch (IOException e) {
            throw new AssertionError("not CSV: " + text, e);
        }
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            assertEquals(header.size(), line.size(), () -> "a row of another width than the header: " + line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }
}
