package io.haat.local;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm as code ({@code deploy/keycloak/haat-realm.json}) says what the services rely on. */
class RealmFileTest {

    private static final Path REALM_FILE = Path.of("../keycloak/haat-realm.json");

    private final JsonNode realm = JsonMapper.builder().build().readTree(REALM_FILE.toFile());

    @Test
    void definesTheMarketplaceRolesAndGivesNoneByDefault() {
        assertThat(realm.path("realm").asString()).isEqualTo("haat");
        assertThat(names(realm.path("roles").path("realm")))
                .contains("CUSTOMER", "SELLER", "ADMIN", "DELIVERY_AGENT", "SUPPORT");
        JsonNode defaultRoles = find(realm.path("roles").path("realm"), "name", "default-roles-haat");
        assertThat(strings(defaultRoles.path("composites").path("realm"))).containsExactlyInAnyOrder("offline_access", "uma_authorization");
        assertThat(realm.path("defaultRole").path("name").asString()).isEqualTo("default-roles-haat");
    }

    @Test
    void publicClientsUsePkceAndAllowTheDirectGrantOnlyWhereTheDeploymentSaysSo() {
        for (String clientId : List.of("haat-web", "haat-mobile")) {
            JsonNode client = client(clientId);
            assertThat(client.path("publicClient").asBoolean()).as(clientId).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).as(clientId).isTrue();
            // production imports the realm with HAAT_PUBLIC_CLIENT_DIRECT_GRANTS=false (docs/security-login.md)
            assertThat(client.path("directAccessGrantsEnabled").asString()).as(clientId)
                    .isEqualTo("${HAAT_PUBLIC_CLIENT_DIRECT_GRANTS:true}");
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(clientId).isFalse();
            assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).as(clientId).isEqualTo("S256");
            assertThat(strings(client.path("redirectUris"))).as(clientId).anyMatch(uri -> uri.startsWith("${HAAT_"));
        }
    }

    @Test
    void theServicesClientIsConfidentialWithItsSecretFromTheEnvironmentOnlyAndUserManagementRoles() {
        JsonNode client = client("haat-services");
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        // no default in the file: an import without the variable would otherwise run production on a committed secret
        assertThat(client.path("secret").asString()).isEqualTo("${HAAT_SERVICES_CLIENT_SECRET}");

        JsonNode serviceAccount = find(realm.path("users"), "serviceAccountClientId", "haat-services");
        assertThat(strings(serviceAccount.path("clientRoles").path("realm-management")))
                .containsExactlyInAnyOrder("manage-users", "view-users", "query-users", "view-realm");
    }

    @Test
    void passwordLoginsUseTheConfidentialLoginClientWithADevelopmentDefaultSecret() {
        JsonNode client = client("haat-login");
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.path("secret").asString()).isEqualTo("${HAAT_LOGIN_CLIENT_SECRET}");
    }

    @Test
    void everyClientPutsTheApiAudienceInAccessTokens() {
        for (String clientId : List.of("haat-web", "haat-mobile", "haat-services", "haat-login")) {
            JsonNode mapper = find(client(clientId).path("protocolMappers"), "protocolMapper", "oidc-audience-mapper");
            assertThat(mapper.path("config").path("included.custom.audience").asString()).as(clientId).isEqualTo("haat-api");
            assertThat(mapper.path("config").path("access.token.claim").asString()).as(clientId).isEqualTo("true");
        }
    }

    @Test
    void protectsAccountsAndUsesEmailAsUsername() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("passwordPolicy").asString()).contains("length(10)").contains("notUsername")
                .contains("notEmail").contains("passwordBlacklist(haat-common-passwords.txt)")
                .contains("hashAlgorithm(argon2)");
        assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.path("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(realm.path("registrationEmailAsUsername").asBoolean()).isTrue();
        assertThat(realm.path("loginWithEmailAllowed").asBoolean()).isTrue();
        assertThat(realm.path("verifyEmail").asBoolean()).isTrue();
        assertThat(realm.path("resetPasswordAllowed").asBoolean()).isTrue();
        assertThat(realm.path("accessTokenLifespan").asString()).isEqualTo("${HAAT_ACCESS_TOKEN_LIFESPAN:300}");
        assertThat(realm.path("ssoSessionIdleTimeout").asString()).isEqualTo("${HAAT_SSO_SESSION_IDLE_TIMEOUT:1800}");
        assertThat(realm.path("smtpServer").path("port").asString()).isEqualTo("${HAAT_SMTP_PORT:3025}");
        assertThat(realm.path("smtpServer").path("from").asString()).isEqualTo("${HAAT_SMTP_FROM:no-reply@haat.local}");
    }

    @Test
    void socialProvidersArePresentDisabledAndCommitNoSecret() {
        for (String alias : List.of("google", "facebook")) {
            JsonNode provider = find(realm.path("identityProviders"), "alias", alias);
            String upper = alias.toUpperCase();
            assertThat(provider.path("enabled").asString()).isEqualTo("${HAAT_" + upper + "_ENABLED:false}");
            assertThat(provider.path("config").path("clientId").asString()).isEqualTo("${HAAT_" + upper + "_CLIENT_ID:}");
            assertThat(provider.path("config").path("clientSecret").asString()).isEqualTo("${HAAT_" + upper + "_CLIENT_SECRET:}");
        }
    }

    @Test
    void placeholdersUseTheFormKeycloak26ResolvesOnImport() throws IOException {
        // Keycloak 26 resolves ${VAR} and ${VAR:default} from the environment on import; ${env.VAR} would stay literal.
        Matcher placeholders = Pattern.compile("\\$\\{([^}]*)}").matcher(Files.readString(REALM_FILE));
        List<String> found = new ArrayList<>();
        while (placeholders.find()) {
            found.add(placeholders.group(1));
        }
        assertThat(found).isNotEmpty().allMatch(placeholder -> placeholder.matches("HAAT_[A-Z_]+(:.*)?"));
    }

    private JsonNode client(String clientId) {
        return find(realm.path("clients"), "clientId", clientId);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asString().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(element -> names.add(element.path("name").asString()));
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asString()));
        return values;
    }
}
