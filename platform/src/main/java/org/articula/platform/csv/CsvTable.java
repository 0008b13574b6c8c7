package org.articula.platform.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A table a user downloads to open in a spreadsheet: Spanish column headers, then one row per item, as
 * CSV the way Excel and LibreOffice in es-PE open it with a double click: UTF-8 with a byte order mark
 * (else accents come out garbled), comma separated, CRLF line ends, quoted where a value needs it. A
 * resource answers {@code text/csv} by returning one ({@link CsvTableWriter} writes it as an attachment
 * named {@link #fileName()}); its cells are {@link Cell}s, so every number, date and text is written one way.
 */
@Schema(type = SchemaType.STRING, format = "binary",
        description = """
                CSV (UTF-8 con BOM, separador coma, fin de línea CRLF): una fila de encabezados en español y una fila \
                por elemento; montos con 2 decimales y cantidades con 3, punto decimal; fechas aaaa-mm-dd.""")
public final class CsvTable {

    public static final String MEDIA_TYPE = "text/csv";

    // Quoted only where needed (separator, quote, line break), not on Jackson's quicker guess.
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String fileName;
    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    // Rows handed over while the file is written, for tables too large to hold (null: the rows above).
    private final Consumer<Rows> source;

    private CsvTable(String fileName, List<String> header, Consumer<Rows> source) {
        this.fileName = fileName;
        this.header = header;
        this.source = source;
    }

    /** Where a streamed table's rows go as they are read: each call writes one row, cells in the header's order. */
    @FunctionalInterface
    public interface Rows {
        void row(Cell... cells);
    }

    /**
     * A table saved as {@code name}.csv: the name in Spanish words, its accents and anything but letters,
     * digits, '.', '-' and '_' dropped or replaced, so every browser and file system keeps it as it is.
     */
    public static CsvTable named(String name, String... header) {
        return new CsvTable(safeFileName(name) + ".csv", List.of(header), null);
    }

    /**
     * A table whose rows are not held: {@code source} is called once, while the file is written, and writes each
     * row to the {@link Rows} it is given (from a database cursor, say), so a table of any length costs the
     * memory of one row. It runs on the thread writing the answer, outside the resource method's transaction.
     */
    public static CsvTable streamed(String name, List<String> header, Consumer<Rows> source) {
        return new CsvTable(safeFileName(name) + ".csv", List.copyOf(header), source);
    }

    /** A row, its cells in the order of the header. */
    public CsvTable row(Cell... cells) {
        if (source != null) {
            throw new IllegalStateException("a streamed table takes its rows from its source");
        }
        rows.add(values(cells));
        return this;
    }

    private String[] values(Cell... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns " + header);
        }
        return Arrays.stream(cells).map(Cell::value).toArray(String[]::new);
    }

    /**
     * A row of a table that mixes kinds of rows (lines, then totals): the cells named by their column, the
     * other columns empty.
     */
    public CsvTable rowWith(Map<String, Cell> cells) {
        Cell[] row = new Cell[header.size()];
        Arrays.fill(row, Cell.empty());
        cells.forEach((column, cell) -> {
            int index = header.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            row[index] = cell;
        });
        return row(row);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> header() {
        return header;
    }

    /** The rows held (none for a streamed table, whose rows are only written). */
    public int size() {
        return rows.size();
    }

    /** The file: the byte order mark, the header and the rows. The stream is left open. */
    public void writeTo(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        try (SequenceWriter csv = MAPPER.writer(SCHEMA).writeValues(writer)) {
            csv.write(header.toArray(String[]::new));
            for (String[] row : rows) {
                csv.write(row);
            }
            if (source != null) {
                try {
                    source.accept(cells -> {
                        try {
                            csv.write(values(cells));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
        writer.flush();
    }

    static String safeFileName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
