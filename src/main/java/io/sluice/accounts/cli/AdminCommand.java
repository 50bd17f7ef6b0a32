package io.sluice.accounts.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.cli.CommandFailure;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.RestClient;

/**
 * Carries out one {@code users ...} command against a running core's admin API
 * ({@code /api/admin/users}) and turns the answer into lines to print and an exit code.
 */
final class AdminCommand {

    private static final String USERS_PATH = "api/admin/users";
    private static final int HTTP_OK = 200;
    private static final int HTTP_CREATED = 201;

    private final RestClient api;

    AdminCommand(RestClient api) {
        this.api = api;
    }

    CommandOutcome run(AdminOptions options) {
        URI users = options.coreUrl().resolve(USERS_PATH);
        try {
            return CommandOutcome.done(switch (options.action()) {
                case LIST -> AccountText.table(call(options, api.request(users).GET(), HTTP_OK));
                case CREATE -> "created " + AccountText.line(call(options,
                        api.withJson(api.request(users), "POST", createBody(options)), HTTP_CREATED));
                case DISABLE -> "disabled (connections closed) " + AccountText.line(call(options,
                        api.request(of(users, options, "/disable")).POST(HttpRequest.BodyPublishers.noBody()), HTTP_OK));
                case ENABLE -> "enabled " + AccountText.line(call(options,
                        api.request(of(users, options, "/enable")).POST(HttpRequest.BodyPublishers.noBody()), HTTP_OK));
                case LINK -> "linked " + AccountText.line(call(options,
                        api.withJson(api.request(of(users, options, "/phone")), "PUT", Map.of("phone", options.phone())),
                        HTTP_OK));
                case UNLINK -> "unlinked " + AccountText.line(call(options,
                        api.request(of(users, options, "/phone")).DELETE(), HTTP_OK));
            });
        } catch (CommandFailure failure) {
            return failure.outcome();
        }
    }

    private JsonNode call(AdminOptions options, HttpRequest.Builder request, int expectedStatus) {
        return api.call(request.header("Authorization", "Bearer " + options.token()).build(), expectedStatus);
    }

    private static Map<String, String> createBody(AdminOptions options) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("login", options.login());
        body.put("password", options.password());
        if (options.phone() != null) {
            body.put("phone", options.phone());
        }
        if (options.displayName() != null) {
            body.put("displayName", options.displayName());
        }
        return body;
    }

    /** The URI of one user's sub-resource; the login is checked by the core, here only kept in the path. */
    private static URI of(URI users, AdminOptions options, String suffix) {
        return URI.create(users + "/" + URLEncoder.encode(options.login(), StandardCharsets.UTF_8) + suffix);
    }
}
