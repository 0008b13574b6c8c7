package org.articula.contracts.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.articula.contracts.domain.NoticeChannel;
import org.articula.contracts.rest.dto.ProducerRequest;
import org.articula.platform.input.ControlCharacters;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;

/**
 * Reads the producer list users bring as CSV: a header line naming the columns (any order), then one
 * producer per line. Columns: nationalId, name, district, region, phone, groupId, and optionally id,
 * noticesOptIn (sí/no, true/false; empty: no) and noticeChannel (SMS, WHATSAPP); a spreadsheet kept by the
 * association may head them in Spanish (dni, nombre, distrito, región, teléfono, avisos, canal).
 */
final class ProducerCsv {

    static final Set<String> REQUIRED = Set.of("nationalId", "name", "district");
    static final Set<String> KNOWN = Set.of("id", "nationalId", "name", "district", "region", "phone", "groupId",
            "noticesOptIn", "noticeChannel");
    /** The Spanish headings people write, lower-cased, for the columns above. */
    static final Map<String, String> SPANISH = Map.ofEntries(Map.entry("dni", "nationalId"),
            Map.entry("dni/ruc", "nationalId"), Map.entry("ruc", "nationalId"), Map.entry("nombre", "name"),
            Map.entry("distrito", "district"), Map.entry("región", "region"), Map.entry("teléfono", "phone"),
            Map.entry("telefono", "phone"), Map.entry("celular", "phone"), Map.entry("avisos", "noticesOptIn"),
            Map.entry("canal", "noticeChannel"));
    private static final Set<String> YES = Set.of("sí", "si", "true", "1", "x");
    private static final Set<String> NO = Set.of("no", "false", "0");

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    /** @param line the file's line number (header = 1) */
    record Row(int line, ProducerRequest request) {
    }

    private ProducerCsv() {
    }

    /** @param groupId the group of rows that name none (null: no group) */
    static List<Row> parse(String csv, UUID organisationId, UUID groupId) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema)
                .readValues(csv == null ? "" : csv)) {
            boolean headerChecked = false;
            while (it.hasNextValue()) {
                Map<String, String> values = canonical(it.nextValue());
                if (!headerChecked) {
                    checkHeader(values.keySet());
                    headerChecked = true;
                }
                int line = rows.size() + 2;
                values.forEach((column, value) -> {
                    if (ControlCharacters.present(value)) {
                        throw ProblemException.invalidField("rows[" + line + "]." + column, ControlCharacters.MESSAGE);
                    }
                });
                rows.add(new Row(line, toRequest(values, organisationId, groupId, "rows[" + line + "].")));
            }
        } catch (CsvReadException e) {
            // A row with more values than headings: named by its line, like any other bad row.
            throw ProblemException.invalidField("rows[" + (rows.size() + 2) + "]",
                    "tiene más valores que columnas la cabecera (¿una coma de más?)");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "El CSV no se puede leer: " + e.getMessage());
        }
        return rows;
    }

    private static void checkHeader(Set<String> columns) {
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                throw ProblemException.invalidField("file", "falta la columna '" + required + "' en la cabecera");
            }
        }
        for (String column : columns) {
            if (!KNOWN.contains(column)) {
                throw ProblemException.invalidField("file",
                        "columna desconocida '" + column + "'; se esperan " + KNOWN);
            }
        }
    }

    // Spanish headings under their column's name; any other heading stays as written, to be refused.
    // A spreadsheet's byte-order mark sticks to the first heading: it is not part of the name.
    private static Map<String, String> canonical(Map<String, String> values) {
        Map<String, String> named = new LinkedHashMap<>();
        values.forEach((column, value) -> {
            String heading = column.replace("\uFEFF", "").strip();
            named.put(SPANISH.getOrDefault(heading.toLowerCase(Locale.ROOT), heading), value);
        });
        return named;
    }

    private static ProducerRequest toRequest(Map<String, String> v, UUID organisationId, UUID defaultGroup,
            String row) {
        String nationalId = blankToNull(v.get("nationalId"));
        String id = blankToNull(v.get("id"));
        UUID producerId;
        if (id != null) {
            producerId = uuid(id, row + "id");
        } else {
            producerId = nationalId == null ? null : ProducerService.idFor(organisationId, nationalId.strip());
        }
        String group = blankToNull(v.get("groupId"));
        return new ProducerRequest(producerId, nationalId, blankToNull(v.get("name")), blankToNull(v.get("district")),
                blankToNull(v.get("region")), blankToNull(v.get("phone")),
                group == null ? defaultGroup : uuid(group, row + "groupId"),
                yesOrNo(blankToNull(v.get("noticesOptIn")), row + "noticesOptIn"),
                channel(blankToNull(v.get("noticeChannel")), row + "noticeChannel"));
    }

    private static Boolean yesOrNo(String value, String column) {
        if (value == null) {
            return null;
        }
        String answer = value.toLowerCase(Locale.ROOT);
        if (!YES.contains(answer) && !NO.contains(answer)) {
            throw ProblemException.invalidField(column, "'" + value + "': escriba sí o no");
        }
        return YES.contains(answer);
    }

    private static NoticeChannel channel(String value, String column) {
        if (value == null) {
            return null;
        }
        try {
            return NoticeChannel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(column, "'" + value + "': SMS o WHATSAPP");
        }
    }

    private static UUID uuid(String value, String column) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(column, "'" + value + "' no es un UUID");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
