package io.sluice.accounts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.SluiceApplication;
import io.sluice.cli.CommandOutcome;
import io.sluice.cli.RestClient;
import io.sluice.credentials.DemoCredentials;
import io.sluice.testsupport.CoreTestSite;
import io.sluice.stomp.StompClient;
import io.sluice.stomp.StompErrorException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The core role started the way Spring Boot starts it (its yml, H2 accounts store migrated by Flyway,
 * seed accounts, broker, routes, a real HTTP port), managed over HTTP by the {@code admin} command;
 * and a user's own REST calls (buddy list).
 */
@SpringBootTest(classes = SluiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sluice.role=core", "sluice.core.bind-host=127.0.0.1",
                "sluice.core.admin-token=" + AdminRoleTest.TOKEN,
                // SluiceApplication.main sets a random one; this test starts the context without main
                "sluice.broker.cluster-password=not-used"})
@ActiveProfiles({"core", DemoCredentials.PROFILE}) // the seed accounts are the demo's (ADR 0017)
// The core's broker holds the in-VM acceptor and its ports: close it before other test classes run.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AdminRoleTest {

    static final String TOKEN = "admin-role-test-token-42";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static int STOMP_PORT;

    @LocalServerPort
    private int httpPort;
    @Autowired
    private ObjectMapper json;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) throws IOException {
        STOMP_PORT = CoreTestSite.register(registry, "sluice-admin-role");
    }

    @Test
    void theSeedAccountsAreThereAndListed() {
        CommandOutcome list = admin("users", "list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.message()).contains("alice", "+447700900001", "bob", "carol", "enabled");
    }

    @Test
    void withoutTheTokenTheApiAnswers401() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI users = URI.create("http://127.0.0.1:" + httpPort + "/api/admin/users");

        HttpResponse<String> none = http.send(HttpRequest.newBuilder(users).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(users).header("Authorization", "Bearer nope").GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json.readTree(none.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        CommandOutcome cli = new AdminCommand(api()).run(AdminOptions.from(new DefaultApplicationArguments(
                "--core-url=http://127.0.0.1:" + httpPort, "users", "list"), "wrong-token", () -> null));
        assertThat(cli.exitCode()).isEqualTo(CommandOutcome.EXIT_REJECTED);
        assertThat(cli.message()).startsWith("rejected (unauthorized)");
    }

    @Test
    void aCreatedUserLogsInOverStompAndIsCutOffWhenDisabled() throws Exception {
        CommandOutcome created = admin("users", "create", "dave", "--password=dave-pw1", "--phone=+447700900044");
        assertThat(created.exitCode()).as(created.message()).isZero();
        assertThat(created.message()).isEqualTo("created dave (enabled, +447700900044)");

        try (StompClient dave = StompClient.tcp("127.0.0.1", STOMP_PORT)) {
            dave.connect("dave", "dave-pw1");
            dave.subscribe("/queue/sluice.inbox.dave", StompClient.AckMode.AUTO);

            assertThat(admin("users", "disable", "dave").message()).isEqualTo("disabled (connections closed) dave (disabled, +447700900044)");
            await().atMost(TIMEOUT).until(() -> isClosed(dave));
        }
        try (StompClient refused = StompClient.tcp("127.0.0.1", STOMP_PORT)) {
            assertThatThrownBy(() -> refused.connect("dave", "dave-pw1")).isInstanceOf(StompErrorException.class);
        }
        assertThat(admin("users", "enable", "dave").message()).isEqualTo("enabled dave (enabled, +447700900044)");
        try (StompClient dave = StompClient.tcp("127.0.0.1", STOMP_PORT)) {
            dave.connect("dave", "dave-pw1");
        }
    }

    @Test
    void refusalsAreNamedAndExitThree() {
        admin("users", "create", "erin", "--password=erin-pw1");

        assertRejected(admin("users", "create", "erin", "--password=other-pw"), "login_taken");
        assertRejected(admin("users", "create", "Erin!", "--password=erin-pw1"), "login_invalid");
        assertRejected(admin("users", "create", "frank", "--password=frank-pw", "--phone=0044"), "phone_invalid");
        assertRejected(admin("users", "link", "erin", "+447700900001"), "phone_taken"); // alice's (seed)
        assertRejected(admin("users", "link", "erin", "12345"), "phone_invalid");
        assertRejected(admin("users", "disable", "zed"), "user_unknown");
        assertRejected(admin("users", "link", "zed", "+447700900055"), "user_unknown");
    }

    @Test
    void aNumberIsLinkedAndUnlinked() {
        admin("users", "create", "gina", "--password=gina-pw1");

        assertThat(admin("users", "link", "gina", "+447700900066").message()).isEqualTo("linked gina (enabled, +447700900066)");
        assertThat(admin("users", "unlink", "gina").message()).isEqualTo("unlinked gina (enabled)");
    }

    @Test
    void aPasswordCanComeFromStandardInput() {
        CommandOutcome created = new AdminCommand(api()).run(AdminOptions.from(new DefaultApplicationArguments(
                "--core-url=http://127.0.0.1:" + httpPort, "users", "create", "hank"), TOKEN, () -> "hank-pw1"));

        assertThat(created.exitCode()).as(created.message()).isZero();
    }

    @Test
    void aUserManagesTheirBuddiesOverRestWithTheirOwnPassword() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String carol = "Basic " + java.util.Base64.getEncoder().encodeToString("carol:carol-pw".getBytes());
        URI buddies = URI.create("http://127.0.0.1:" + httpPort + "/api/buddies");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(buddies).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(buddies.resolve("buddies/bob"))
                .header("Authorization", carol).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).isEqualTo(200);
        // bob has a linked phone (seed account) and no client: reachable by SMS
        assertThat(json.readTree(added.body()).toString()).isEqualTo("[{\"party\":\"bob\",\"presence\":\"sms\"}]");
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(buddies.resolve("buddies/nobody"))
                .header("Authorization", carol).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("error").asText()).isEqualTo("user_unknown");
        HttpResponse<String> removed = http.send(HttpRequest.newBuilder(buddies.resolve("buddies/bob"))
                .header("Authorization", carol).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(removed.body()).size()).isZero();
    }

    private CommandOutcome admin(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--core-url=http://127.0.0.1:" + httpPort;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new AdminCommand(api()).run(AdminOptions.from(new DefaultApplicationArguments(all), TOKEN, () -> {
            throw new AssertionError("no password should be read from standard input");
        }));
    }

    private RestClient api() {
        return new RestClient(HttpClient.newHttpClient(), json, TIMEOUT, "the core");
    }

    private static void assertRejected(CommandOutcome outcome, String error) {
        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(CommandOutcome.EXIT_REJECTED);
        assertThat(outcome.message()).startsWith("rejected (" + error + "): ");
    }

    private static boolean isClosed(StompClient client) {
        try {
            client.nextFrame(Duration.ofMillis(200));
            return false;
        } catch (IOException closed) {
            return true;
        }
    }
}
