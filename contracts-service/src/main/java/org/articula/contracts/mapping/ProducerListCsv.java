package org.articula.contracts.mapping;

import static org.articula.platform.csv.Cell.date;
import static org.articula.platform.csv.Cell.id;
import static org.articula.platform.csv.Cell.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.contracts.rest.dto.ProducerView;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.time.BusinessClock;

/** An organisation's producers as the table a spreadsheet opens: a row each, with the name of their network. */
public final class ProducerListCsv {

    private ProducerListCsv() {
    }

    /** @param groups the names of the producers' networks, by id */
    public static CsvTable table(String fileName, List<ProducerView> producers, Map<UUID, String> groups) {
        CsvTable table = CsvTable.named(fileName, "Nombre", "Documento", "Número de documento", "Distrito", "Región",
                "Teléfono", "Red", "Registrado", "Id del productor");
        for (ProducerView p : producers) {
            table.row(text(p.name()), text(p.nationalIdType()), text(p.nationalId()), text(p.district()),
                    text(p.region()), text(p.phone()), text(p.groupId() == null ? null : groups.get(p.groupId())),
                    date(p.createdAt() == null ? null : LocalDate.ofInstant(p.createdAt(), BusinessClock.LIMA)),
                    id(p.id()));
        }
        return table;
    }
}
