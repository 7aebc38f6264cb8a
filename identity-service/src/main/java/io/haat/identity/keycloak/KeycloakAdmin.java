package io.haat.identity.keycloak;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.haat.identity.IdentityProperties;
import io.haat.platform.web.ConflictException;
import io.haat.platform.web.FieldProblem;
import io.haat.platform.web.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Keycloak Admin REST API as this service uses it, through the {@code haat-services} service account:
 * users, their realm roles, sessions, required-action emails and brute-force state.
 */
public class KeycloakAdmin {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdmin.class);

    /** A user to create. {@code password} is checked against the realm's password policy. */
    public record NewUser(String email, String firstName, String lastName, String password, boolean emailVerified,
                          List<String> requiredActions) {
    }

    private final KeycloakHttp http;
    private final ServiceAccountTokens tokens;
    private final IdentityProperties.Keycloak keycloak;
    private final Map<String, JsonNode> roles = new ConcurrentHashMap<>();

    KeycloakAdmin(KeycloakHttp http, ServiceAccountTokens tokens, IdentityProperties.Keycloak keycloak) {
        this.http = http;
        this.tokens = tokens;
        this.keycloak = keycloak;
    }

    /**
     * Creates the user and returns its id.
     *
     * @throws ConflictException          the email is taken ({@code email-already-registered})
     * @throws PasswordPolicyException    the password breaks the realm's policy
     * @throws InvalidRequestException    Keycloak refused an attribute (validation problem naming the field)
     */
    public String createUser(NewUser user) {
        ObjectNode body = http.json().createObjectNode()
                .put("username", user.email()).put("email", user.email())
                .put("firstName", user.firstName()).put("lastName", user.lastName())
                .put("enabled", true).put("emailVerified", user.emailVerified());
        var requiredActions = body.putArray("requiredActions");
        user.requiredActions().forEach(requiredActions::add);
        body.putArray("credentials").addObject()
                .put("type", "password").put("value", user.password()).put("temporary", false);
        KeycloakHttp.Answer answer = call(HttpMethod.POST, path("/users"), body);
        if (answer.status() == 201) {
            String location = answer.location().orElseThrow(() -> KeycloakHttp.unexpected("create user", answer));
            return location.substring(location.lastIndexOf('/') + 1);
        }
        if (answer.status() == 409) {
            throw new ConflictException("email-already-registered", "Email already registered",
                    "An account with this email address already exists.");
        }
        if (answer.status() == 400) {
            throw refusal(answer);
        }
        throw KeycloakHttp.unexpected("create user", answer);
    }

    public void deleteUser(String id) {
        KeycloakHttp.Answer answer = call(HttpMethod.DELETE, path("/users/" + id), null);
        if (!answer.ok() && answer.status() != 404) {
            throw KeycloakHttp.unexpected("delete user", answer);
        }
    }

    public Optional<KeycloakUser> user(String id) {
        KeycloakHttp.Answer answer = call(HttpMethod.GET, path("/users/" + id), null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("get user", answer);
        }
        return Optional.of(answer.as(KeycloakUser.class));
    }

    public Optional<KeycloakUser> userByEmail(String email) {
        URI uri = UriComponentsBuilder.fromUriString(keycloak.adminUrl() + "/users")
                .queryParam("email", email).queryParam("exact", true).encode().build().toUri();
        KeycloakHttp.Answer answer = call(HttpMethod.GET, uri, null);
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("find user", answer);
        }
        KeycloakUser[] users = answer.as(KeycloakUser[].class);
        return users.length == 0 ? Optional.empty() : Optional.of(users[0]);
    }

    /** Changes first and last name, leaving the rest of the user as it is. */
    public void updateNames(String id, String firstName, String lastName) {
        update(id, user -> user.put("firstName", firstName).put("lastName", lastName));
    }

    /** Enables or disables the user; a disabled user cannot log in or refresh. */
    public void setEnabled(String id, boolean enabled) {
        update(id, user -> user.put("enabled", enabled));
    }

    public void assignRealmRole(String id, String role) {
        JsonNode representation = roles.computeIfAbsent(role, this::fetchRole);
        KeycloakHttp.Answer answer = call(HttpMethod.POST, path("/users/" + id + "/role-mappings/realm"),
                http.json().createArrayNode().add(representation));
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("assign role", answer);
        }
    }

    public List<String> realmRoles(String id) {
        KeycloakHttp.Answer answer = call(HttpMethod.GET, path("/users/" + id + "/role-mappings/realm"), null);
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("list roles", answer);
        }
        return answer.jsonBody().valueStream().map(role -> role.path("name").asString()).toList();
    }

    /** Ends every session of the user: their refresh tokens stop working. */
    public void logout(String id) {
        KeycloakHttp.Answer answer = call(HttpMethod.POST, path("/users/" + id + "/logout"), null);
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("logout user", answer);
        }
    }

    /** Ends one session (all its clients' refresh tokens stop working); an already ended session is fine. */
    public void endSession(String sessionId) {
        KeycloakHttp.Answer answer = call(HttpMethod.DELETE, path("/sessions/" + sessionId), null);
        if (!answer.ok() && answer.status() != 404) {
            throw KeycloakHttp.unexpected("end session", answer);
        }
    }

    /**
     * Mails the user a link to perform {@code actions} (VERIFY_EMAIL, UPDATE_PASSWORD), valid for {@code lifespan},
     * after which Keycloak sends them to {@code redirectUri}. Returns false if the mail could not be sent.
     */
    public boolean executeActionsEmail(String id, List<String> actions, URI redirectUri, Duration lifespan) {
        URI uri = UriComponentsBuilder.fromUriString(keycloak.adminUrl() + "/users/" + id + "/execute-actions-email")
                .queryParam("client_id", keycloak.loginClientId())
                .queryParam("redirect_uri", redirectUri.toString())
                .queryParam("lifespan", lifespan.toSeconds())
                .encode().build().toUri();
        KeycloakHttp.Answer answer = call(HttpMethod.PUT, uri, actions);
        if (!answer.ok()) {
            log.warn("Keycloak did not send the {} mail to user {}: {} {}", actions, id, answer.status(), answer.body());
        }
        return answer.ok();
    }

    public BruteForceStatus bruteForceStatus(String id) {
        KeycloakHttp.Answer answer = call(HttpMethod.GET,
                URI.create(keycloak.adminUrl() + "/attack-detection/brute-force/users/" + id), null);
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("brute-force status", answer);
        }
        return answer.as(BruteForceStatus.class);
    }

    /** Lifts a brute-force lockout (after a password reset, the owner has proven who they are). */
    public void clearBruteForce(String id) {
        KeycloakHttp.Answer answer = call(HttpMethod.DELETE,
                URI.create(keycloak.adminUrl() + "/attack-detection/brute-force/users/" + id), null);
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("clear brute-force", answer);
        }
    }

    /** @throws PasswordPolicyException the password breaks the realm's policy */
    public void resetPassword(String id, String password) {
        ObjectNode credential = http.json().createObjectNode()
                .put("type", "password").put("value", password).put("temporary", false);
        KeycloakHttp.Answer answer = call(HttpMethod.PUT, path("/users/" + id + "/reset-password"), credential);
        if (answer.status() == 400) {
            throw refusal(answer);
        }
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("reset password", answer);
        }
    }

    private void update(String id, Consumer<ObjectNode> change) {
        KeycloakHttp.Answer current = call(HttpMethod.GET, path("/users/" + id), null);
        if (!current.ok()) {
            throw KeycloakHttp.unexpected("get user for update", current);
        }
        ObjectNode user = (ObjectNode) current.jsonBody();
        change.accept(user);
        KeycloakHttp.Answer answer = call(HttpMethod.PUT, path("/users/" + id), user);
        if (answer.status() == 400) {
            throw refusal(answer);
        }
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("update user", answer);
        }
    }

    private JsonNode fetchRole(String role) {
        KeycloakHttp.Answer answer = call(HttpMethod.GET, path("/roles/" + role), null);
        if (!answer.ok()) {
            throw KeycloakHttp.unexpected("get role " + role, answer);
        }
        return answer.jsonBody();
    }

    /** A 400 from Keycloak: a password policy rule, or a user-profile attribute it refused. */
    private static RuntimeException refusal(KeycloakHttp.Answer answer) {
        String error = answer.text("error");
        if (error.startsWith("invalidPassword")) {
            return new PasswordPolicyException(error, answer.text("error_description"));
        }
        String field = answer.text("field");
        if (!field.isEmpty()) {
            String ours = switch (field) {
                case "firstName", "lastName" -> "fullName";
                case "username" -> "email";
                default -> field;
            };
            String message = answer.text("errorMessage").contains("invalid-character")
                    ? "contains characters that are not allowed" : "is not valid";
            return new InvalidRequestException("The request has invalid fields.", List.of(new FieldProblem(ours, message)));
        }
        return KeycloakHttp.unexpected("user request", answer);
    }

    private URI path(String suffix) {
        return URI.create(keycloak.adminUrl() + suffix);
    }

    /** One admin call; a refused service-account token (Keycloak restarted) is renewed once. */
    private KeycloakHttp.Answer call(HttpMethod method, URI uri, Object body) {
        KeycloakHttp.Answer answer = http.send(method, uri, tokens.token(), body);
        if (answer.status() == 401) {
            tokens.invalidate();
            answer = http.send(method, uri, tokens.token(), body);
        }
        return answer;
    }
}
