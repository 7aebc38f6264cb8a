package io.haat.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which parts a run starts, in two waves: the infrastructure with discovery (they need nothing), then the gateway
 * and the services. Services whose jar is missing are listed apart and skipped.
 */
record Lineup(List<Part> firstWave, List<SpringServicePart> secondWave, List<SpringServicePart> missingJars) {

    static Lineup of(ProcessLauncher launcher, Options options) {
        List<Part> first = new ArrayList<>(infrastructure(launcher, options.infrastructureFullJit()));
        List<SpringServicePart> second = new ArrayList<>();
        List<SpringServicePart> missing = new ArrayList<>();
        if (options.startServices()) {
            SpringServicePart discovery = new SpringServicePart(launcher, SpringServicePart.DISCOVERY, options.serviceJvmOptions(), options.aotCache());
            if (discovery.jarExists()) {
                first.add(discovery);
            } else {
                missing.add(discovery);
            }
            for (SpringServicePart.Service service : SpringServicePart.SERVICES) {
                SpringServicePart part = new SpringServicePart(launcher, service, options.serviceJvmOptions(),
                        options.aotCache(), environment(service, options, launcher.workspace()));
                (part.jarExists() ? second : missing).add(part);
            }
        }
        return new Lineup(List.copyOf(first), List.copyOf(second), List.copyOf(missing));
    }

    /**
     * A second instance of {@code module} beside the first ({@link SpringServicePart.Service#secondInstance}): same
     * build, its own port and data directories, no AOT cache of its own (the first instance's training run is the
     * one that records it). For the fault suite's "one of two instances lost".
     */
    static SpringServicePart secondInstance(ProcessLauncher launcher, Options options, String module) {
        SpringServicePart.Service first = SpringServicePart.SERVICES.stream()
                .filter(service -> service.module().equals(module) && !module.equals("gateway"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no second instance of '" + module + "': one of "
                        + SpringServicePart.SERVICES.stream().map(SpringServicePart.Service::module)
                                .filter(name -> !name.equals("gateway")).toList()));
        SpringServicePart.Service second = first.secondInstance();
        Map<String, String> environment = new HashMap<>(environment(second, options, launcher.workspace()));
        environment.put("PORT", Integer.toString(second.port()));
        return new SpringServicePart(launcher, second, options.serviceJvmOptions(), false, environment);
    }

    /**
     * identity-service creates the demo accounts ({@link DemoAccount}) through its own sign-up logic before it reports
     * ready; catalog-service keeps its search and image indexes in the workspace (not in the working directory, the
     * repository).
     */
    private static Map<String, String> environment(SpringServicePart.Service service, Options options,
                                                   Workspace workspace) {
        if (options.seedDemoAccounts() && service.module().equals("identity-service")) {
            return DemoAccount.identityServiceEnvironment();
        }
        if (service.module().equals("catalog-service")) {
            // each instance its own index directories (a Lucene index has one writer)
            String instance = service.instance().substring(service.module().length());
            return Map.of("HAAT_CATALOG_SEARCH_DIRECTORY", workspace.dataDir("catalog-search" + instance).toString(),
                    "HAAT_IMAGE_INDEX_DIR", workspace.dataDir("catalog-image-index" + instance).toString());
        }
        return Map.of();
    }

    /** Every part there is, whether or not it can start now: what stop and status look at. */
    static Lineup everything(ProcessLauncher launcher) {
        List<SpringServicePart> services = new ArrayList<>();
        services.add(new SpringServicePart(launcher, SpringServicePart.DISCOVERY, List.of(), false));
        SpringServicePart.SERVICES.forEach(service -> services.add(new SpringServicePart(launcher, service, List.of(), false)));
        return new Lineup(infrastructure(launcher, false), List.copyOf(services), List.of());
    }

    /** The names of every part, in start order: what {@code ./run.sh kill|restart <part>} accepts. */
    static List<String> partNames() {
        List<String> names = new ArrayList<>(List.of("postgres", "kafka", "mongo", "mail", "keycloak"));
        names.add(SpringServicePart.DISCOVERY.module());
        SpringServicePart.SERVICES.forEach(service -> names.add(service.module()));
        return List.copyOf(names);
    }

    /** The part of this lineup called {@code name}. */
    java.util.Optional<Part> part(String name) {
        return toStart().stream().filter(part -> part.name().equals(name)).findFirst();
    }

    List<Part> toStart() {
        return Stream.concat(firstWave.stream(), secondWave.stream()).toList();
    }

    List<Part.Port> ports() {
        return toStart().stream().flatMap(part -> part.ports().stream()).toList();
    }

    /** Stop order: the Spring Boot applications first, then the infrastructure they use. */
    List<List<Part>> stopWaves() {
        List<Part> applications = new ArrayList<>(secondWave);
        List<Part> infrastructure = new ArrayList<>();
        for (Part part : firstWave) {
            if (part instanceof SpringServicePart) {
                applications.add(part);
            } else {
                infrastructure.add(part);
            }
        }
        return List.of(applications, infrastructure);
    }

    private static List<Part> infrastructure(ProcessLauncher launcher, boolean fullJit) {
        return List.of(new PostgresPart(launcher), new KafkaPart(launcher, fullJit), new MongoPart(launcher, fullJit),
                new MailPart(launcher), new KeycloakPart(launcher));
    }
}
