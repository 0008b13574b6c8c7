package org.articula.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.localstack.security.DevKeys;

/**
 * Realistic sample data, loaded into contracts-service through its REST API once every service is
 * ready, following the field studies (see the domain brief):
 * <ul>
 * <li>Dairy: the Asociación de Productores Lecheros de Laredo (La Libertad) with its 8 networks ("redes")
 * and 65 members, selling milk to an invented processor; one agreement per network: total solids at
 * least 11.5 %, at most 10 °C, no antibiotics, S/ 1.03/L plus S/ 0.05/L from 12 % solids, 60 L/day,
 * fortnightly, visits free and veterinary service, insemination and concentrate feed charged.
 * <li>Trout: an invented exporter with a plant in Huancayo (Junín) buying from a municipal enterprise in
 * Acoria (Huancavelica, registered by its RUC) and 6 producers in Puno; one agreement per producer:
 * 250-400 g, 25-32 cm, S/ 8.50/kg plus S/ 0.30/kg from 350 g, balanced feed on credit.
 * <li>Cacao: a cooperative in La Convención (Cusco) buying from 12 of its members; one agreement each:
 * fermentation at least 70 %, moisture at most 7.5 %, ORGANIC certification required, S/ 9.20/kg plus
 * S/ 0.40/kg from 80 %. 11 members are in the cooperative's organic group (its internal control system, a
 * network holding the group certificate); member 7 joined with an individual organic certificate that has
 * expired, so a delivery of theirs is flagged; member 4 also holds a Fairtrade certificate about to end. Every
 * member has 1 or 2 plots registered for the EUDR ({@link SampleParcels}).
 * <li>The trout exporter also sells to a Lima distributor (registered here; its shipment is
 * {@link SampleShipment}'s).
 * </ul>
 * All agreements run from 2026-01-01 to 2027-12-31 and are activated. The dates are fixed, not taken
 * from today, so that the bodies never change; once 2027 is over contracts-service expires these
 * agreements and would refuse to activate them on a fresh database, so move both dates then.
 *
 * <p>Idempotent: ids are derived from fixed keys and every body is the same on every run (names, DNIs
 * and phones come from a fixed-seed {@link Random}, dates are fixed), so a second start gets 200s where
 * the first got 201s, and an agreement is activated only while it is still a DRAFT. Personal names are
 * invented. Something edited through the API since (a 409 for the same id) is kept as edited.
 *
 * <p>A refused call stops the launcher with the call, its status and the problem body. Skip the
 * loading with {@code ARTICULA_SAMPLE_DATA=false} (or {@code -Darticula.sampleData=false}).
 */
final class SampleData {

    static final String SWITCH_ENV = "ARTICULA_SAMPLE_DATA";
    static final String SWITCH_PROPERTY = "articula.sampleData";

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 12, 31);

    static final List<String> NETWORKS = List.of("Red Santa Rosa", "Red La Merced", "Red San Juan",
            "Red Santa Victoria", "Red Santa Lucía", "Red San Carlos", "Red Conache", "Red San Pachusco");
    static final int DAIRY_PRODUCERS = 65;
    static final int CACAO_PRODUCERS = 12;
    /** The cacao member with their own, expired organic certificate, outside the cooperative's organic group. */
    static final int EXPIRED_ORGANIC_MEMBER = 7;
    /** The cacao member who also holds a Fairtrade certificate of their own. */
    static final int FAIRTRADE_MEMBER = 4;

    private static final List<String> WOMEN = List.of("Rosa", "María", "Juana", "Carmen", "Luz", "Elena", "Teresa",
            "Gladys", "Marleny", "Yolanda", "Nelly", "Flor", "Maribel", "Dina", "Lucía", "Isabel", "Hilda", "Norma",
            "Silvia", "Ana", "Victoria", "Julia", "Esther", "Haydée");
    private static final List<String> MEN = List.of("Juan", "José", "Luis", "Carlos", "Jorge", "Víctor", "Pedro",
            "Julio", "Walter", "Manuel", "César", "Segundo", "Santos", "Fredy", "Edwin", "Wilmer", "Raúl", "Hugo",
            "Alberto", "Eusebio", "Teófilo", "Marcos", "Félix", "Rolando");
    private static final List<String> NORTH_COAST = List.of("Rodríguez", "Sánchez", "Vásquez", "Castillo",
            "Alvarado", "Benites", "Paredes", "Cruz", "Gutiérrez", "Reyes", "León", "Ruiz", "Villanueva", "Mendoza",
            "Rojas", "Chávez", "Vargas", "Julca", "Mostacero", "Polo", "Quispe", "Huamán", "Aguilar", "Bacilio");
    private static final List<String> ALTIPLANO = List.of("Mamani", "Quispe", "Condori", "Apaza", "Ccama",
            "Ticona", "Huanca", "Choque", "Pari", "Coaquira", "Cutipa", "Flores", "Chambi", "Larico");
    private static final List<String> LA_CONVENCION = List.of("Quispe", "Huamán", "Ccori", "Cusi", "Huillca",
            "Puma", "Mamani", "Condori", "Gutiérrez", "Sánchez", "Álvarez", "Vargas", "Yupanqui", "Zamalloa");

    /** What was loaded, for the launcher's one-line report. */
    record Summary(int organisations, int producerGroups, int producers, int agreements,
            Map<String, Integer> agreementsByStatus, int created, int unchanged, int kept, UUID laredo,
            UUID laredoBuyer, List<UUID> laredoProducers, Cacao cacao, Trout trout) {

        String line() {
            String statuses = agreementsByStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "));
            return "Sample data: " + organisations + " organisations (" + producerGroups + " producer groups), "
                    + producers + " producers, " + agreements + " agreements (" + statuses + "), "
                    + cacao.certifications() + " certificates and " + cacao.parcels() + " EUDR parcels (cacao); "
                    + created
                    + " new, " + unchanged + " already loaded"
                    + (kept == 0 ? "" : ", " + kept + " kept as edited here");
        }
    }

    /** The cacao cooperative, its members in order, and what it holds for export compliance. */
    record Cacao(UUID cooperative, List<UUID> producers, int certifications, int parcels) {

        /** The first member with a plot drawn as a polygon. */
        UUID withPolygon() {
            for (int i = 1; i <= producers.size(); i++) {
                if (SampleParcels.of(i).stream().anyMatch(p -> "Polygon".equals(((Map<?, ?>) p.get("geometry"))
                        .get("type")))) {
                    return producers.get(i - 1);
                }
            }
            return producers.get(0);
        }
    }

    /** The trout exporter, its producers (Acoria first, then Puno's six) and the buyer of its shipment. */
    record Trout(UUID exporter, List<UUID> producers, UUID buyer, String buyerName) {
    }

    private final SampleApi api;
    private final Random random = new Random(20260101L);
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedDnis = new HashSet<>();

    private int organisations;
    private int producerGroups;
    private int producers;
    private int agreements;
    private int created;
    private int unchanged;
    private final Map<String, Integer> agreementsByStatus = new TreeMap<>();

    private final List<UUID> laredoProducers = new ArrayList<>();
    private UUID laredo;
    private UUID laredoBuyer;
    private int kept;
    private Cacao cacao;
    private Trout trout;

    private SampleData(URI base, DevKeys keys) {
        this.api = new SampleApi(base, keys);
    }

    /** Off when {@code -Darticula.sampleData} or {@code ARTICULA_SAMPLE_DATA} is false, no, off or 0. */
    static boolean enabled(Map<String, String> env) {
        String value = System.getProperty(SWITCH_PROPERTY, env.getOrDefault(SWITCH_ENV, "true"));
        return !List.of("false", "no", "off", "0").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Loads everything into the contracts-service at {@code contracts} (e.g. http://localhost:8081).
     *
     * @throws IOException naming the call, its status and body, when the service refuses one
     */
    static Summary load(URI contracts, DevKeys keys) throws IOException, InterruptedException {
        SampleData data = new SampleData(contracts, keys);
        data.dairy();
        data.trout();
        data.cacao();
        return new Summary(data.organisations, data.producerGroups, data.producers, data.agreements,
                data.agreementsByStatus, data.created, data.unchanged, data.kept, data.laredo,
                data.laredoBuyer, List.copyOf(data.laredoProducers), data.cacao, data.trout);
    }

    // --- the three value chains ---

    private void dairy() throws IOException, InterruptedException {
        UUID processor = laredoBuyer = organisation("org:dairy-processor", "Planta Lechera del Norte S.A.C.",
                "PROCESSOR",
                ruc("2060184732"), null, "Trujillo", "La Libertad");
        UUID association = laredo = organisation("org:laredo", "Asociación de Productores Lecheros de Laredo",
                "ASSOCIATION",
                ruc("2048127659"), null, "Laredo", "La Libertad");
        int remaining = DAIRY_PRODUCERS;
        for (int i = 0; i < NETWORKS.size(); i++) {
            String network = NETWORKS.get(i);
            UUID group = organisation("org:laredo:" + network, network, "PRODUCER_GROUP", null, association, "Laredo",
                    "La Libertad");
            int members = remaining / (NETWORKS.size() - i); // 8 or 9 each, 65 in all
            remaining -= members;
            for (int m = 1; m <= members; m++) {
                laredoProducers.add(producer(association, "producer:laredo:" + network + ":" + m, dni(),
                        person(NORTH_COAST), "Laredo", "La Libertad", group));
            }
            agreement("agreement:laredo:" + network, association, processor, "PRODUCER_GROUP", group, "milk", "L",
                    milkClauses());
        }
    }

    private void trout() throws IOException, InterruptedException {
        UUID exporter = organisation("org:trout-exporter", "Exportadora de Truchas de los Andes S.A.C.", "EXPORTER",
                ruc("2060337418"), null, "Huancayo", "Junín");
        // 12 t a year when the agreement starts: 500 kg a fortnight.
        List<UUID> troutProducers = new ArrayList<>();
        UUID acoria = producer(exporter, "producer:trout:acoria", ruc("2052846103"),
                "Empresa Municipal Piscícola de Acoria", "Acoria", "Huancavelica", null);
        troutProducers.add(acoria);
        agreement("agreement:trout:acoria", exporter, exporter, "PRODUCER", acoria, "trout", "kg", troutClauses(500));
        List<String> districts = List.of("Chucuito", "Chucuito", "Juli", "Juli", "Pomata", "Pomata");
        for (int i = 0; i < districts.size(); i++) {
            UUID producer = producer(exporter, "producer:trout:puno:" + (i + 1), dni(), person(ALTIPLANO),
                    districts.get(i), "Puno", null);
            troutProducers.add(producer);
            agreement("agreement:trout:puno:" + (i + 1), exporter, exporter, "PRODUCER", producer, "trout", "kg",
                    troutClauses(200));
        }
        // Buys the exporter's gutted trout for the Terminal Pesquero de Villa María del Triunfo.
        String buyerName = "Distribuidora de Pescados Costa Verde S.A.C.";
        UUID buyer = organisation("org:trout-buyer", buyerName, "PROCESSOR", ruc("2060917354"), null,
                "Villa María del Triunfo", "Lima");
        trout = new Trout(exporter, List.copyOf(troutProducers), buyer, buyerName);
    }

    private void cacao() throws IOException, InterruptedException {
        UUID cooperative = organisation("org:cacao-cooperative",
                "Cooperativa Agraria Cafetalera y Cacaotera de La Convención", "COOPERATIVE", ruc("2045371926"), null,
                "Quellouno", "Cusco");
        // The members its internal control system (SIC) has inspected: the organic group certificate covers them.
        UUID organicGroup = organisation("org:cacao-cooperative:sic", "Socios orgánicos (Sistema Interno de Control)",
                "PRODUCER_GROUP", null, cooperative, "Quellouno", "Cusco");
        List<UUID> members = new ArrayList<>();
        for (int i = 1; i <= CACAO_PRODUCERS; i++) {
            UUID producer = producer(cooperative, "producer:cacao:" + i, dni(), person(LA_CONVENCION),
                    SampleParcels.inSantaAna(i) ? "Santa Ana" : "Quellouno", "Cusco",
                    i == EXPIRED_ORGANIC_MEMBER ? null : organicGroup);
            members.add(producer);
            // The cooperative buys its members' cacao itself.
            agreement("agreement:cacao:" + i, cooperative, cooperative, "PRODUCER", producer, "cacao", "kg",
                    cacaoClauses());
        }
        int certificates = 0;
        for (Map<String, Object> certificate : cacaoCertifications(organicGroup, members)) {
            create("/api/v1/certifications", certificate, "certificate " + certificate.get("code"));
            certificates++;
        }
        int parcels = 0;
        for (int i = 1; i <= CACAO_PRODUCERS; i++) {
            for (Map<String, Object> parcel : SampleParcels.of(i)) {
                create("/api/v1/producers/" + members.get(i - 1) + "/parcels", parcel, "parcel " + parcel.get("name"));
                parcels++;
            }
        }
        cacao = new Cacao(cooperative, List.copyOf(members), certificates, parcels);
    }

    /**
     * The group's organic certificate, member 4's Fairtrade and member 7's expired organic one. The dates are
     * fixed (the bodies never change) while "expiring" is counted from today: the Fairtrade certificate ends
     * 2027-01-29, in the default 60-day list from 2026-11-30 until it ends; the group's organic one ends
     * 2027-02-28, in that list from 2026-12-30, and once ended stays in it as an ended certificate the ACTIVE
     * agreements require, as member 7's (ended 2026-10-31) is already: the list always shows something.
     */
    static List<Map<String, Object>> cacaoCertifications(UUID organicGroup, List<UUID> members) {
        return List.of(
                obj("id", id("certification:cacao:organic-group"), "organisationId", organicGroup, "scheme",
                        "ORGANIC", "certifier", "Control Union Perú", "products", List.of("cacao"), "code",
                        "CU-PE-867412-ORG", "validFrom", "2026-03-01", "validTo", "2027-02-28", "documentRef",
                        "Certificado de grupo (SIC) 2026-2027, archivo de la cooperativa"),
                obj("id", id("certification:cacao:fairtrade:" + FAIRTRADE_MEMBER), "producerId",
                        members.get(FAIRTRADE_MEMBER - 1), "scheme", "FAIRTRADE", "certifier", "FLOCERT",
                        "products", List.of("cacao"), "code", "FLO-ID 41872", "validFrom", "2024-01-30", "validTo",
                        "2027-01-29"),
                obj("id", id("certification:cacao:organic:" + EXPIRED_ORGANIC_MEMBER), "producerId",
                        members.get(EXPIRED_ORGANIC_MEMBER - 1), "scheme", "ORGANIC", "certifier", "BioLatina",
                        "products", List.of("cacao"), "code", "BL-ORG-2025-0317", "validFrom", "2025-11-01",
                        "validTo", "2026-10-31", "documentRef", "Certificado individual, anterior a su ingreso"));
    }

    // --- clauses ---

    static Map<String, Object> milkClauses() {
        return obj(
                "quality", obj("parameters", List.of(
                        numeric("total_solids", "Sólidos totales", "%", "11.5", null),
                        numeric("temperature", "Temperatura", "°C", null, "10"),
                        test("antibiotics", "Antibióticos", false))),
                "quantity", obj("committedQuantity", dec("60"), "per", "DAY", "tolerancePercent", dec("10")),
                "price", price("1.03", adjustment("total_solids", "12", "0.05"), 7),
                "assistance", obj("services", List.of(
                        service("TECHNICAL_VISITS", "Visitas técnicas: buenas prácticas de ordeño y manejo", 2, false),
                        service("VETERINARY_SERVICE", "Sanidad animal", null, true),
                        service("INSEMINATION", "Inseminación artificial", null, true),
                        service("FEED_SUPPLY", "Alimento concentrado", null, true)),
                        "maxInstalments", 2));
    }

    static Map<String, Object> troutClauses(int kgPerFortnight) {
        return obj(
                "quality", obj("parameters", List.of(
                        numeric("weight_g", "Peso por unidad", "g", "250", "400"),
                        numeric("size_cm", "Talla", "cm", "25", "32"))),
                "quantity", obj("committedQuantity", dec(Integer.toString(kgPerFortnight)), "per", "FORTNIGHT",
                        "tolerancePercent", dec("10")),
                "price", price("8.50", adjustment("weight_g", "350", "0.30"), 15),
                "assistance", obj("services", List.of(
                        service("FEED_SUPPLY", "Alimento balanceado al crédito", null, true),
                        service("TECHNICAL_VISITS", "Asistencia técnica: sanidad y manejo de jaulas", 1, false)),
                        "maxInstalments", 2));
    }

    /** Organic is the certificate's business (the certification clause), not a reading at the scale. */
    static Map<String, Object> cacaoClauses() {
        return obj(
                "quality", obj("parameters", List.of(
                        numeric("fermentation_pct", "Fermentación", "%", "70", null),
                        numeric("moisture_pct", "Humedad", "%", null, "7.5"))),
                "certification", obj("required", "ORGANIC"),
                "price", price("9.20", adjustment("fermentation_pct", "80", "0.40"), 15),
                "assistance", obj("services", List.of(
                        service("TRAINING", "Capacitación en cosecha y poscosecha: fermentación y secado", null,
                                false)),
                        "maxInstalments", 2));
    }

    private static Map<String, Object> numeric(String code, String name, String unit, String min, String max) {
        return obj("code", code, "name", name, "kind", "NUMERIC", "unit", unit, "min", dec(min), "max", dec(max),
                "required", true);
    }

    private static Map<String, Object> test(String code, String name, boolean passValue) {
        return obj("code", code, "name", name, "kind", "BOOLEAN", "passValue", passValue, "required", true);
    }

    /** Open-ended upwards: from {@code from}, no upper bound. */
    private static Map<String, Object> adjustment(String parameter, String from, String amountPerUnit) {
        return obj("parameter", parameter, "from", dec(from), "amountPerUnit", dec(amountPerUnit));
    }

    private static Map<String, Object> price(String basePrice, Map<String, Object> adjustment, int paymentTermDays) {
        return obj("currency", "PEN", "basePrice", dec(basePrice), "qualityAdjustments", List.of(adjustment),
                "volumeTiers", List.of(), "paymentFrequency", "FORTNIGHTLY", "paymentTermDays", paymentTermDays);
    }

    private static Map<String, Object> service(String kind, String description, Integer visitsPerMonth,
            boolean charged) {
        return obj("kind", kind, "description", description, "visitsPerMonth", visitsPerMonth, "chargedToProducer",
                charged);
    }

    // --- calls ---

    private UUID organisation(String key, String name, String kind, String ruc, UUID parentId, String district,
            String region) throws IOException, InterruptedException {
        UUID id = id(key);
        api.actFor(parentId == null ? id : parentId); // an organisation registers itself and its groups
        create("/api/v1/organisations", obj("id", id, "name", name, "kind", kind, "ruc", ruc, "parentId", parentId,
                "district", district, "region", region), "organisation " + name);
        organisations++;
        if ("PRODUCER_GROUP".equals(kind)) {
            producerGroups++;
        }
        return id;
    }

    private UUID producer(UUID organisationId, String key, String nationalId, String name, String district,
            String region, UUID groupId) throws IOException, InterruptedException {
        UUID id = id(key);
        api.actFor(organisationId);
        create("/api/v1/organisations/" + organisationId + "/producers", obj("id", id, "nationalId", nationalId,
                "name", name, "district", district, "region", region, "phone", phone(), "groupId", groupId),
                "producer " + name);
        producers++;
        return id;
    }

    /** Registers the agreement and activates it if it is still a draft. */
    private void agreement(String key, UUID tenant, UUID buyerId, String counterpartyType, UUID counterpartyId,
            String product, String unit, Map<String, Object> clauses) throws IOException, InterruptedException {
        UUID id = id(key);
        api.actFor(tenant); // the organisation of the covered producers registers and signs it
        String what = "agreement " + key.substring("agreement:".length());
        JsonNode view = create("/api/v1/agreements", obj("id", id, "buyerId", buyerId,
                "counterparty", obj("type", counterpartyType, "id", counterpartyId), "product", product, "unit", unit,
                "startDate", START.toString(), "endDate", END.toString(), "clauses", clauses), what);
        if (view == null) { // edited here since: take it as it is
            view = api.call("GET", "/api/v1/agreements/" + id, null, what, 200).json();
        }
        String status = view.path("status").asText();
        if ("DRAFT".equals(status)) {
            view = api.call("POST", "/api/v1/agreements/" + id + "/activation", obj(), "activating " + what,
                    200).json();
            status = view.path("status").asText();
            if (!"ACTIVE".equals(status)) {
                throw new IOException("sample data: activating " + what + " left it " + status + ": " + view);
            }
        }
        agreements++;
        agreementsByStatus.merge(status, 1, Integer::sum);
    }

    /**
     * POSTs an idempotent create: 201 the first time, 200 when the same thing is already stored, 409
     * when someone edited it through the API since; that edit is kept and null returned.
     */
    private JsonNode create(String path, Map<String, Object> body, String what)
            throws IOException, InterruptedException {
        SampleApi.Response response = api.call("POST", path, body, what, 201, 200, 409);
        switch (response.status()) {
            case 201 -> created++;
            case 200 -> unchanged++;
            default -> {
                kept++;
                return null;
            }
        }
        return response.json();
    }

    // --- deterministic values ---

    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("sample:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** An invented name: given name, father's and mother's surnames, unique in the sample. */
    private String person(List<String> surnames) {
        while (true) {
            String given = pick(random.nextBoolean() ? WOMEN : MEN);
            String father = pick(surnames);
            String mother = pick(surnames);
            String name = given + " " + father + " " + mother;
            if (!father.equals(mother) && usedNames.add(name)) {
                return name;
            }
        }
    }

    private String dni() {
        while (true) {
            String dni = String.format("%08d", 10_000_000 + random.nextInt(70_000_000));
            if (usedDnis.add(dni)) {
                return dni;
            }
        }
    }

    private String phone() {
        return String.format("9%08d", random.nextInt(100_000_000));
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The 11-digit RUC: {@code first10} plus SUNAT's modulus-11 check digit. */
    static String ruc(String first10) {
        int[] weights = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (first10.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return first10 + (check == 10 ? 0 : check == 11 ? 1 : check);
    }

    private static BigDecimal dec(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** A JSON object in the given key order, leaving out null values. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
