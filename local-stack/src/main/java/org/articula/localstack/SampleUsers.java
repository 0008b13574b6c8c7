package org.articula.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.security.DevKeys;

/**
 * The people the web app offers to "entrar como" locally: one user of each role of the sample Laredo
 * association, its buyer's manager, one of its producers and the trout exporter's plant manager. Written next
 * to the signing key for the web module, which signs their sessions with it; a deployment without that key
 * offers none.
 */
final class SampleUsers {

    private SampleUsers() {
    }

    static void write(Path file, URI contracts, DevKeys keys, SampleData.Summary sample)
            throws IOException, InterruptedException {
        UUID laredo = sample.laredo();
        String association = "Asociación de Productores Lecheros de Laredo";
        UUID producerId = sample.laredoProducers().get(0);
        SampleApi api = new SampleApi(contracts, keys);
        api.actFor(laredo);
        String producerName = api.call("GET", "/api/v1/organisations/" + laredo + "/producers/" + producerId, null,
                "sample producer", 200).json().path("name").asText("Productor de ejemplo");
        List<Map<String, Object>> users = new ArrayList<>();
        users.add(user("operator", "Julia Ramos Alvarado", "Registra las entregas en el centro de acopio",
                List.of("centre-operator"), laredo, association, null));
        users.add(user("treasurer", "Rosa Flores Castillo", "Liquida y paga a los socios cada quincena",
                List.of("treasurer"), laredo, association, null));
        users.add(user("manager", "Carmen Vásquez Reyes", "Registra socios, redes y acuerdos",
                List.of("buyer-admin"), laredo, association, null));
        users.add(user("buyer", "Luis Mendoza Paredes", "Gerente de la planta compradora",
                List.of("buyer-admin"), sample.laredoBuyer(), "Planta Lechera del Norte S.A.C.", null));
        users.add(user("producer", producerName, "Socio de la red Santa Rosa: sus entregas y pagos",
                List.of("producer"), laredo, association, producerId));
        users.add(user("exporter", "Walter Chambi Apaza", "Jefe de la planta de truchas en Huancayo: envíos y "
                + "su trazabilidad", List.of("buyer-admin"), sample.trout().exporter(),
                "Exportadora de Truchas de los Andes S.A.C.", null));
        users.add(user("auditor", "Jorge Salazar Ríos", "Revisa la trazabilidad de cada cambio",
                List.of("auditor"), laredo, association, null));
        Files.createDirectories(file.getParent());
        Path written = file.resolveSibling(file.getFileName() + ".tmp");
        SampleApi.JSON.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), users);
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> user(String id, String name, String description, List<String> roles,
            UUID organisation, String organisationName, UUID producer) {
        return SampleData.obj("id", id, "name", name, "description", description, "roles", roles, "organisationId",
                organisation, "organisationName", organisationName, "producerId", producer);
    }
}
