package io.haat.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineupTest {

    @TempDir
    Path repo;

    @Test
    void startsInfrastructureWithDiscoveryThenTheServicesWhoseJarExists() throws IOException {
        jar("discovery");
        jar("gateway");
        jar("order-service");
        Lineup lineup = Lineup.of(new ProcessLauncher(new Workspace(repo)), Options.defaults());

        assertThat(names(lineup.firstWave())).containsExactly("postgres", "kafka", "mongo", "mail", "keycloak", "discovery");
        assertThat(names(lineup.secondWave())).containsExactly("gateway", "order-service");
        assertThat(names(lineup.missingJars())).containsExactly(
                "identity-service", "catalog-service", "payment-service", "seller-service", "notification-service");
        assertThat(lineup.missingJars().getFirst().missingJarMessage())
                .contains("identity-service/target/identity-service-0.1.0-SNAPSHOT.jar")
                .contains("./mvnw -B -q -pl identity-service -am install -DskipTests");
    }

    @Test
    void theKafkaBrokerAndTheMongoStandInGetBothJitTiersWhenTheServicesDo() {
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));
        Lineup quick = Lineup.of(launcher, Options.defaults());
        Lineup production = Lineup.of(launcher, Options.defaults().withServiceJvmOptions(Options.PRODUCTION_JVM));

        assertThat(((KafkaPart) quick.part("kafka").orElseThrow()).jvmOptions()).contains("-XX:TieredStopAtLevel=1");
        assertThat(((MongoPart) quick.part("mongo").orElseThrow()).jvmOptions()).contains("-XX:TieredStopAtLevel=1");
        assertThat(((KafkaPart) production.part("kafka").orElseThrow()).jvmOptions())
                .doesNotContain("-XX:TieredStopAtLevel=1").contains("-Xmx512m");
        assertThat(((MongoPart) production.part("mongo").orElseThrow()).jvmOptions())
                .doesNotContain("-XX:TieredStopAtLevel=1").contains("-Xmx256m");
    }

    @Test
    void catalogKeepsItsIndexesInTheWorkspaceNotInTheRepository() throws IOException {
        jar("catalog-service");
        Lineup lineup = Lineup.of(new ProcessLauncher(new Workspace(repo)), Options.defaults());

        SpringServicePart catalog = lineup.secondWave().getFirst();
        assertThat(catalog.environment()).containsEntry("HAAT_CATALOG_SEARCH_DIRECTORY",
                        repo.resolve(".haat/catalog-search").toString())
                .containsEntry("HAAT_IMAGE_INDEX_DIR", repo.resolve(".haat/catalog-image-index").toString());
    }

    @Test
    void aSecondInstanceHasItsOwnNamePortAndIndexes() throws IOException {
        jar("catalog-service");
        SpringServicePart second = Lineup.secondInstance(new ProcessLauncher(new Workspace(repo)), Options.defaults(),
                "catalog-service");

        assertThat(second.name()).isEqualTo("catalog-service-2");
        assertThat(second.ports()).containsExactly(new Part.Port(18082, "catalog-service-2"));
        assertThat(second.jarExists()).as("the same build as the first").isTrue();
        assertThat(second.environment()).containsEntry("PORT", "18082")
                .containsEntry("HAAT_CATALOG_SEARCH_DIRECTORY", repo.resolve(".haat/catalog-search-2").toString())
                .containsEntry("HAAT_IMAGE_INDEX_DIR", repo.resolve(".haat/catalog-image-index-2").toString());
    }

    @Test
    void noSecondGatewayNorUnknownService() {
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));
        assertThatThrownBy(() -> Lineup.secondInstance(launcher, Options.defaults(), "gateway"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalog-service");
        assertThatThrownBy(() -> Lineup.secondInstance(launcher, Options.defaults(), "postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksEveryPortOfWhatItStarts() throws IOException {
        jar("gateway");
        Lineup lineup = Lineup.of(new ProcessLauncher(new Workspace(repo)), Options.defaults());

        assertThat(lineup.ports()).extracting(Part.Port::number)
                .containsExactlyInAnyOrder(5432, 9092, 9093, 27017, 3025, 3143, 8025, 8180, 8080);
    }

    @Test
    void infrastructureOnlyStartsNoSpringApplication() throws IOException {
        jar("discovery");
        Lineup lineup = Lineup.of(new ProcessLauncher(new Workspace(repo)), Options.defaults().withStartServices(false));

        assertThat(names(lineup.toStart())).containsExactly("postgres", "kafka", "mongo", "mail", "keycloak");
        assertThat(lineup.missingJars()).isEmpty();
    }

    @Test
    void stopsTheApplicationsBeforeTheInfrastructure() {
        List<List<Part>> waves = Lineup.everything(new ProcessLauncher(new Workspace(repo))).stopWaves();

        assertThat(names(waves.get(0))).contains("discovery", "gateway", "identity-service", "notification-service");
        assertThat(names(waves.get(1))).containsExactly("postgres", "kafka", "mongo", "mail", "keycloak");
    }

    @Test
    void identityServiceIsGivenTheDemoAccountsToCreateUnlessSeedingIsOff() throws IOException {
        jar("identity-service");
        jar("gateway");
        ProcessLauncher launcher = new ProcessLauncher(new Workspace(repo));

        SpringServicePart identity = service(Lineup.of(launcher, Options.defaults()), "identity-service");
        assertThat(identity.environment())
                .containsEntry("HAAT_DEMO_ACCOUNTS_ENABLED", "true")
                .containsEntry("HAAT_IDENTITY_DEMOACCOUNTS_ACCOUNTS_0_EMAIL", "admin@haat.local")
                .containsEntry("HAAT_IDENTITY_DEMOACCOUNTS_ACCOUNTS_0_PASSWORD", "haat-admin")
                .containsEntry("HAAT_IDENTITY_DEMOACCOUNTS_ACCOUNTS_0_ROLE", "ADMIN")
                .containsEntry("HAAT_IDENTITY_DEMOACCOUNTS_ACCOUNTS_0_FULLNAME", "Asha Admin")
                .containsEntry("HAAT_IDENTITY_DEMOACCOUNTS_ACCOUNTS_3_ROLE", "DELIVERY_AGENT")
                .hasSize(1 + 4 * DemoAccount.values().length);
        assertThat(service(Lineup.of(launcher, Options.defaults()), "gateway").environment()).isEmpty();
        assertThat(service(Lineup.of(launcher, Options.defaults().withSeedDemoAccounts(false)), "identity-service")
                .environment()).isEmpty();
    }

    private static SpringServicePart service(Lineup lineup, String name) {
        return lineup.secondWave().stream().filter(part -> part.name().equals(name)).findFirst().orElseThrow();
    }

    private void jar(String module) throws IOException {
        Path jar = repo.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not really a jar");
    }

    private static List<String> names(List<? extends Part> parts) {
        return parts.stream().map(Part::name).toList();
    }
}
