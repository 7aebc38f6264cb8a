package io.haat.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/k8s as a platform team reviews it: every overlay renders with the real Kustomize into valid Kubernetes
 * objects, and every workload follows the policy of deploy/k8s/README.md.
 */
class ManifestsTest {

    /** The deployables: discovery (a StatefulSet) and a Deployment each for the gateway and the six services. */
    static final List<String> SERVICES = List.of("gateway", "identity-service", "catalog-service", "seller-service",
            "order-service", "payment-service", "notification-service");

    private static Manifests dev;
    private static Manifests prod;

    @BeforeAll
    static void render() {
        System.out.println("Kustomize: " + Kustomize.version().strip());
        dev = Manifests.render("overlays/dev");
        prod = Manifests.render("overlays/prod");
    }

    static Stream<String> overlays() {
        return Stream.concat(Stream.of("overlays/dev", "overlays/prod", "overlays/prod/platform",
                "overlays/prod/discovery"), SERVICES.stream().map(s -> "overlays/prod/" + s));
    }

    static Stream<Manifests> whole() {
        return Stream.of(dev, prod);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayBuildsOnItsOwnIntoValidObjects(String overlay) {
        Manifests manifests = Manifests.render(overlay);

        assertThat(manifests.objects()).isNotEmpty();
        assertThat(manifests.objects()).allSatisfy(o -> assertThat(o.getMetadata().getNamespace())
                .as("%s %s is in a namespace", o.getKind(), o.getMetadata().getName()).isNotBlank());
    }

    @Test
    void bothEnvironmentsRunEveryDeployable() {
        for (Manifests m : List.of(dev, prod)) {
            assertThat(m.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                    .containsExactlyInAnyOrderElementsOf(SERVICES);
            assertThat(m.all(StatefulSet.class)).extracting(s -> s.getMetadata().getName()).containsExactly("discovery");
        }
    }

    @ParameterizedTest
    @MethodSource("whole")
    void everyContainerHasResourcesProbesAndARestrictedSecurityContext(Manifests m) {
        m.podTemplates().forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(workload + " runs as non-root").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(workload + " user").isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).as(workload + " mounts no API token").isFalse();
            for (Container c : pod.getContainers()) {
                String name = workload + "/" + c.getName();
                assertThat(c.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(name + " limits").containsKeys("cpu", "memory");
                assertThat(c.getStartupProbe()).as(name + " startup probe").isNotNull();
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(name + " liveness")
                        .isEqualTo("/actuator/health/liveness");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(name + " readiness")
                        .isEqualTo("/actuator/health/readiness");
                var security = c.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).as(name + " privilege escalation").isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(name + " read-only root").isTrue();
                assertThat(security.getPrivileged()).as(name + " privileged").isNotEqualTo(Boolean.TRUE);
                assertThat(security.getCapabilities().getDrop()).as(name + " drops capabilities").contains("ALL");
                assertThat(c.getVolumeMounts()).as(name + " has a writable /tmp")
                        .anySatisfy(v -> assertThat(v.getMountPath()).isEqualTo("/tmp"));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("whole")
    void imagesArePinnedNeverLatest(Manifests m) {
        m.podTemplates().forEach((workload, template) -> template.getSpec().getContainers().forEach(c -> {
            String image = c.getImage();
            String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1)
                    .replaceFirst("^[^:]*:?", "");
            assertThat(tag).as(workload + " image " + image + " has a tag").isNotBlank().isNotEqualTo("latest");
        }));
    }

    @ParameterizedTest
    @MethodSource("whole")
    void noSecretValueIsWrittenInTheManifests(Manifests m) {
        assertThat(m.all(Secret.class)).as("Secrets are referenced, never shipped").isEmpty();
        for (ConfigMap map : m.all(ConfigMap.class)) {
            assertThat(map.getData().keySet()).as("ConfigMap " + map.getMetadata().getName())
                    .noneMatch(SpringSettings::secret);
        }
        m.podTemplates().forEach((workload, template) -> template.getSpec().getContainers().forEach(c -> {
            for (EnvVar env : Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of())) {
                if (SpringSettings.secret(env.getName())) {
                    assertThat(env.getValue()).as(workload + " " + env.getName() + " is no literal").isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef()).as(workload + " " + env.getName()
                            + " comes from a Secret").isNotNull();
                }
            }
        }));
    }

    @ParameterizedTest
    @MethodSource("whole")
    void everySettingAServiceNeedsInProductionIsProvided(Manifests m) {
        m.podTemplates().forEach((workload, template) -> {
            Container c = template.getSpec().getContainers().getFirst();
            Set<String> provided = provided(m, c);
            Map<String, String> required = SpringSettings.required(workload);
            required.forEach((variable, why) -> assertThat(provided)
                    .as("%s: %s must be set (%s) by its ConfigMaps or a Secret reference", workload, variable, why)
                    .contains(variable));
            System.out.printf("%s %s: %d settings provided, %d required ones all there%n", m.overlay(), workload,
                    provided.size(), required.size());
        });
    }

    @Test
    void productionRunsTwoPodsOfEveryServiceWithAnAutoscalerAndADisruptionBudget() {
        for (Deployment d : prod.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            assertThat(d.getSpec().getReplicas()).as(name + " replicas").isGreaterThanOrEqualTo(2);
            HorizontalPodAutoscaler hpa = prod.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).findFirst().orElseThrow(
                            () -> new AssertionError(name + " has no HorizontalPodAutoscaler"));
            assertThat(hpa.getSpec().getMinReplicas()).as(name + " HPA minimum").isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMetrics()).as(name + " HPA metrics").isNotEmpty();
            assertThat(budgetFor(prod, d.getSpec().getTemplate())).as(name + " PodDisruptionBudget").isNotNull();
        }
        StatefulSet discovery = prod.named(StatefulSet.class, "discovery").orElseThrow();
        assertThat(discovery.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(budgetFor(prod, discovery.getSpec().getTemplate())).isNotNull();
        assertThat(prod.all(ConfigMap.class)).filteredOn(c -> c.getMetadata().getName().equals("haat-platform"))
                .singleElement().satisfies(c -> assertThat(c.getData()).containsEntry("SPRING_PROFILES_ACTIVE", "prod"));
    }

    @ParameterizedTest
    @MethodSource("whole")
    void networkPoliciesDenyByDefaultAndOpenOnlyWhatEachPodNeeds(Manifests m) {
        List<NetworkPolicy> policies = m.all(NetworkPolicy.class);
        assertThat(policies).as("a default-deny policy").anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
        m.podTemplates().forEach((workload, template) -> {
            Map<String, String> labels = template.getMetadata().getLabels();
            List<NetworkPolicy> own = policies.stream().filter(p -> {
                var match = p.getSpec().getPodSelector().getMatchLabels();
                return match != null && !match.isEmpty() && labels.entrySet().containsAll(match.entrySet());
            }).toList();
            assertThat(own).as(workload + " has a policy of its own").isNotEmpty();
            for (NetworkPolicy p : own) {
                assertThat(p.getSpec().getIngress()).as(workload + ": every ingress rule names its sources")
                        .allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty());
                assertThat(p.getSpec().getEgress()).as(workload + ": every egress rule names its destinations")
                        .allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
            }
            if (!workload.equals("gateway") && !workload.equals("discovery")) {
                var sources = own.stream().flatMap(p -> p.getSpec().getIngress().stream())
                        .flatMap(r -> r.getFrom().stream()).toList();
                assertThat(sources).as(workload + " is reached from no other namespace than monitoring")
                        .allSatisfy(peer -> {
                            if (peer.getNamespaceSelector() != null) {
                                assertThat(peer.getNamespaceSelector().getMatchLabels())
                                        .containsEntry("kubernetes.io/metadata.name", "monitoring");
                            }
                        });
            }
        });
    }

    @ParameterizedTest
    @MethodSource("whole")
    void onlyTheGatewayIsExposedAndShutdownFitsTheGracePeriod(Manifests m) {
        assertThat(m.all(Ingress.class)).singleElement().satisfies(ingress -> {
            assertThat(ingress.getSpec().getTls()).isNotEmpty();
            assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                    .allSatisfy(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("gateway")));
        });
        assertThat(m.all(Service.class)).allSatisfy(s -> assertThat(s.getSpec().getType())
                .as(s.getMetadata().getName() + " stays inside the cluster").isIn(null, "ClusterIP"));
        m.podTemplates().forEach((workload, template) -> {
            long grace = template.getSpec().getTerminationGracePeriodSeconds();
            var preStop = template.getSpec().getContainers().getFirst().getLifecycle();
            long pause = preStop == null || preStop.getPreStop() == null || preStop.getPreStop().getSleep() == null ? 0
                    : preStop.getPreStop().getSleep().getSeconds();
            assertThat(grace).as(workload + ": grace period covers the pre-stop pause and Spring's 30 s shutdown phase")
                    .isGreaterThanOrEqualTo(pause + 30);
        });
    }

    @ParameterizedTest
    @MethodSource("whole")
    void metricsAndProbesAreOnAManagementPortThatNoServicePublishes(Manifests m) {
        String managementPort = m.named(ConfigMap.class, "haat-platform").orElseThrow().getData().get("HAAT_MANAGEMENT_PORT");
        assertThat(managementPort).as("haat-platform HAAT_MANAGEMENT_PORT").isNotBlank();
        m.podTemplates().forEach((workload, template) -> {
            if (workload.equals("discovery")) {
                return; // not a platform-core service: its actuator stays on its own port
            }
            Container c = template.getSpec().getContainers().getFirst();
            assertThat(template.getMetadata().getAnnotations()).as(workload + " is scraped on the management port")
                    .containsEntry("prometheus.io/port", managementPort);
            assertThat(c.getPorts()).as(workload + " declares the management port")
                    .anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(Integer.parseInt(managementPort)));
            assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).as(workload + " readiness port")
                    .isEqualTo("management");
        });
        assertThat(m.all(Service.class)).allSatisfy(s -> assertThat(s.getSpec().getPorts())
                .as(s.getMetadata().getName() + " publishes no management port")
                .noneSatisfy(p -> assertThat(String.valueOf(p.getTargetPort().getStrVal())).isEqualTo("management"))
                .noneSatisfy(p -> assertThat(p.getPort()).isEqualTo(Integer.parseInt(managementPort))));
    }

    @Test
    void eachServiceRollsOutAloneWithItsOwnImageTag() {
        for (String service : SERVICES) {
            Manifests alone = Manifests.render("overlays/prod/" + service);
            assertThat(alone.all(Deployment.class)).singleElement().satisfies(d -> {
                assertThat(d.getMetadata().getName()).isEqualTo(service);
                assertThat(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                        .matches(".*/haat/" + service + ":[0-9][^:]*");
            });
            assertThat(alone.objects()).extracting(HasMetadata::getKind)
                    .contains("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy",
                            "ServiceAccount", "ConfigMap");
        }
    }

    @Test
    void theInfrastructureExamplesProvideWhatTheServicesReference() {
        List<String> kinds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (var document : Manifests.documents(Kustomize.build(Kustomize.MODULE.resolve("infrastructure")))) {
            kinds.add(document.path("kind").asString());
            names.add(document.path("kind").asString() + "/" + document.path("metadata").path("name").asString());
        }
        assertThat(kinds).contains("Cluster", "Kafka", "KafkaNodePool", "MongoDBCommunity", "Keycloak");
        prod.podTemplates().forEach((workload, template) -> template.getSpec().getContainers().getFirst().getEnv()
                .stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName()).filter(n -> n.endsWith("-db-app"))
                .forEach(secret -> assertThat(names).as(workload + " reads " + secret + ", written by CloudNativePG")
                        .contains("Cluster/" + secret.substring(0, secret.length() - "-app".length()))));
        assertThat(prod.named(ConfigMap.class, "haat-platform").orElseThrow().getData().get("HAAT_KAFKA_BOOTSTRAP"))
                .startsWith(names.stream().filter(n -> n.startsWith("Kafka/")).findFirst().orElseThrow()
                        .substring("Kafka/".length()) + "-kafka-bootstrap.");
    }

    private static PodDisruptionBudget budgetFor(Manifests m, PodTemplateSpec template) {
        Map<String, String> labels = template.getMetadata().getLabels();
        return m.all(PodDisruptionBudget.class).stream().filter(p -> labels.entrySet()
                .containsAll(p.getSpec().getSelector().getMatchLabels().entrySet())).findFirst().orElse(null);
    }

    private static Set<String> provided(Manifests m, Container c) {
        Set<String> names = new HashSet<>();
        Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of()).forEach(e -> names.add(e.getName()));
        for (EnvFromSource from : Objects.requireNonNullElse(c.getEnvFrom(), List.<EnvFromSource>of())) {
            if (from.getConfigMapRef() != null) {
                ConfigMap map = m.named(ConfigMap.class, from.getConfigMapRef().getName()).orElseThrow(
                        () -> new AssertionError("ConfigMap " + from.getConfigMapRef().getName() + " is not rendered"));
                names.addAll(map.getData().keySet());
            }
        }
        return names;
    }
}
