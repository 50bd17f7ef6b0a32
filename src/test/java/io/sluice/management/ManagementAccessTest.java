package io.sluice.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.SluiceApplication;
import io.sluice.credentials.LoginThrottle;
import io.sluice.testsupport.CoreTestSite;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hawtio and Jolokia of a real core over real HTTP (ADR 0017): nobody gets in anonymously, an operator
 * looks, only an admin purges. The core has its own credentials here, none of the demo's, so it also shows
 * that a site with credentials of its own passes the start-up check.
 */
@SpringBootTest(classes = SluiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sluice.role=core", "sluice.core.bind-host=127.0.0.1",
                "sluice.broker.cluster-password=not-used",
                "sluice.core.admin-token=management-access-test-token",
                "sluice.core.carriers.alpha.edge-password=management-test-edge-pw",
                "sluice.core.carriers.alpha.prefixes[0]=+",
                "sluice.management.users.watcher.password=watcher-password-1",
                "sluice.management.users.watcher.role=operator",
                "sluice.management.users.keeper.password=keeper-password-1",
                "sluice.management.users.keeper.role=admin",
                "sluice.management.users.guessed.password=guessed-password-1",
                "sluice.management.users.guessed.role=operator"})
@ActiveProfiles("core")
@AutoConfigureObservability // /actuator/prometheus, as outside tests
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = basic("watcher", "watcher-password-1");
    private static final String ADMIN = basic("keeper", "keeper-password-1");
    private static final String BROKER = "org.apache.activemq.artemis:broker=\"sluice-core\"";
    /** The core's dead-letter queue: nobody consumes it, an operator looks at it, an admin empties it. */
    private static final String DEAD = BROKER + ",component=addresses,address=\"sluice.dead\","
            + "subcomponent=queues,routing-type=\"anycast\",queue=\"sluice.dead\"";
    private static final int KEPT = 3;
    /** This test's messages on the dead-letter queue, whatever else the core puts there meanwhile. */
    private static final String OURS = "sluice_test = 'kept'";

    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    private int port;
    @Autowired
    private ActiveMQConnectionFactory coreConnectionFactory;

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) throws IOException {
        CoreTestSite.register(registry, "sluice-management-access");
    }

    @BeforeAll
    void somethingToPurge() throws Exception {
        try (Connection connection = coreConnectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue("sluice.dead"));
            for (int i = 0; i < KEPT; i++) {
                jakarta.jms.Message kept = session.createTextMessage("kept for an operator " + i);
                kept.setStringProperty("sluice_test", "kept");
                producer.send(kept);
            }
        }
    }

    @Test
    void nobodyGetsInAnonymouslyOrWithAWrongPassword() throws Exception {
        HttpResponse<String> hawtio = get("/actuator/hawtio/", null);
        assertThat(hawtio.statusCode()).isEqualTo(302);
        assertThat(hawtio.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        HttpResponse<String> jolokia = jolokia(read(DEAD, "MessageCount"), null);
        assertThat(jolokia.statusCode()).isEqualTo(401);
        assertThat(jolokia.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(jolokia.body()).doesNotContain("sluice.dead");
        assertThat(get("/actuator/jolokia/list", null).statusCode()).isEqualTo(401);
        assertThat(jolokia(read(DEAD, "MessageCount"), basic("watcher", "not-the-password")).statusCode()).isEqualTo(401);
        assertThat(jolokia(read(DEAD, "MessageCount"), basic("alice", "alice-pw")).statusCode())
                .as("a chat account is no management login").isEqualTo(401);
    }

    @Test
    void theRingLinkAndStandbyViewsAnswerOnlyAManagementLogin() throws Exception {
        for (String view : new String[] {"/api/rings?slots=true", "/api/link", "/api/standby"}) {
            HttpResponse<String> anonymous = get(view, null);
            assertThat(anonymous.statusCode()).as(view).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(view)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
            assertThat(anonymous.body()).as(view).doesNotContain("mt.alpha").doesNotContain("lastHeard");
            assertThat(get(view, basic("watcher", "not-the-password")).statusCode()).as(view).isEqualTo(401);
            assertThat(get(view, basic("alice", "alice-pw")).statusCode()).as("%s: a chat account is no management login", view)
                    .isEqualTo(401);
            assertThat(get(view, OPERATOR).statusCode()).as(view).isEqualTo(200);
            assertThat(get(view, ADMIN).statusCode()).as(view).isEqualTo(200);
        }
        assertThat(JSON.readTree(get("/api/rings?slots=true", OPERATOR).body()).findValuesAsText("name"))
                .contains("mt.alpha", "mo.alpha");
        assertThat(get("/api/link", OPERATOR).body()).contains("alpha");
    }

    @Test
    void fiveWrongPasswordsInAMinuteHoldThatLoginOffEvenWithTheRightOne() throws Exception {
        for (int i = 0; i < LoginThrottle.FAILURES_PER_LOGIN; i++) {
            assertThat(jolokia(read(DEAD, "MessageCount"), basic("guessed", "guess-" + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> held = jolokia(read(DEAD, "MessageCount"), basic("guessed", "guessed-password-1"));
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 61));
        assertThat(held.body()).startsWith("Too many failed logins").doesNotContain("sluice.dead");
        assertThat(get("/api/rings?slots=true", basic("guessed", "guessed-password-1")).statusCode())
                .as("the REST views too").isEqualTo(429);
        assertThat(jolokia(read(DEAD, "MessageCount"), OPERATOR).statusCode()).as("other logins from this address")
                .isEqualTo(200);
    }

    @Test
    void probesAndScrapersNeedNoLogin() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).body()).contains("sluice_ring_occupancy");
        assertThat(get("/actuator/info", null).body()).as("no commit for anonymous callers").doesNotContain("commit");
    }

    @Test
    void anOperatorLooksButOnlyAnAdminPurges() throws Exception {
        HttpResponse<String> hawtio = get("/actuator/hawtio/", OPERATOR); // as .ci/demo-smoke fetches it
        assertThat(hawtio.statusCode()).isEqualTo(200);
        assertThat(hawtio.body()).containsIgnoringCase("hawtio");
        assertThat(value(jolokia(read(DEAD, "MessageCount"), OPERATOR)).asInt()).isGreaterThanOrEqualTo(KEPT);
        assertThat(value(jolokia(exec(DEAD, "countMessages(java.lang.String)", OURS), OPERATOR)).asInt()).isEqualTo(KEPT);
        assertThat(value(jolokia(exec(DEAD, "listMessagesAsJSON(java.lang.String)", OURS), OPERATOR)).asText())
                .contains("\"address\":\"sluice.dead\"");

        for (ObjectNode purge : new ObjectNode[] {
                exec(DEAD, "removeAllMessages()"),
                exec(DEAD, "removeMessages(java.lang.String)", OURS),
                exec(BROKER, "destroyQueue(java.lang.String)", "sluice.dead"),
                exec(BROKER, "deleteAddress(java.lang.String)", "sluice.dead"),
                exec(BROKER, "closeConnectionsForUser(java.lang.String)", "alice"),
                exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap", "/tmp/sluice-heap.hprof", true),
                write(DEAD, "Paused", true)}) {
            JsonNode refused = JSON.readTree(jolokia(purge, OPERATOR).body());
            System.out.println("operator " + purge.path("operation").asText(purge.path("attribute").asText()) + ": "
                    + refused.path("status") + " " + refused.path("error").asText());
            assertThat(refused.path("status").asInt()).as(purge.toString()).isEqualTo(403);
        }
        assertThat(value(jolokia(exec(DEAD, "countMessages(java.lang.String)", OURS), OPERATOR)).asInt())
                .as("nothing purged").isEqualTo(KEPT);

        HttpResponse<String> removed = jolokia(exec(DEAD, "removeMessages(java.lang.String)", OURS), ADMIN);
        System.out.println("admin removeMessages: " + removed.body());
        assertThat(value(removed).asInt()).isEqualTo(KEPT);
        assertThat(value(jolokia(exec(DEAD, "countMessages(java.lang.String)", OURS), ADMIN)).asInt()).isZero();
    }

    /** Jolokia's JSR-160 proxy is off: a request naming another JMX server makes the core dial nothing. */
    @Test
    void jolokiaDialsNoOtherJmxServer() throws Exception {
        try (ServerSocket elsewhere = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ObjectNode proxied = read("java.lang:type=Memory", "HeapMemoryUsage");
            proxied.putObject("target").put("url",
                    "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + elsewhere.getLocalPort() + "/jmxrmi");

            jolokia(proxied, ADMIN);

            // a dial would have happened before the answer: it would be waiting in the backlog now
            elsewhere.setSoTimeout(200);
            assertThatThrownBy(elsewhere::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    /**
     * The way Hawtio is reached in a browser: the login page, a session, and Jolokia posts that carry the
     * CSRF cookie's value back in a header (without it they are refused).
     */
    @Test
    void aBrowserLogsInOnTheLoginPageAndHawtioWorksInTheSession() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();

        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=watcher&password="
                        + URLEncoder.encode("watcher-password-1", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));

        HttpResponse<String> hawtio = browser.send(HttpRequest.newBuilder(uri("/actuator/hawtio/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hawtio.statusCode()).isEqualTo(200);
        assertThat(hawtio.body()).containsIgnoringCase("hawtio");

        String body = JSON.writeValueAsString(read(DEAD, "MessageCount"));
        HttpRequest.Builder post = HttpRequest.newBuilder(uri("/actuator/hawtio/jolokia"))
                .header("Content-Type", "application/json").header("Origin", "http://127.0.0.1:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        assertThat(browser.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a session without the CSRF header").isEqualTo(403);
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> read = browser.send(post.header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("status").asInt()).as(read.body()).isEqualTo(200);
    }

    private static ObjectNode read(String mbean, String attribute) {
        return JSON.createObjectNode().put("type", "read").put("mbean", mbean).put("attribute", attribute);
    }

    private static ObjectNode write(String mbean, String attribute, Object value) {
        ObjectNode request = JSON.createObjectNode().put("type", "write").put("mbean", mbean).put("attribute", attribute);
        request.set("value", JSON.valueToTree(value));
        return request;
    }

    private static ObjectNode exec(String mbean, String operation, Object... arguments) {
        ObjectNode request = JSON.createObjectNode().put("type", "exec").put("mbean", mbean).put("operation", operation);
        request.set("arguments", JSON.valueToTree(arguments));
        return request;
    }

    private HttpResponse<String> jolokia(ObjectNode request, String authorization) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(uri("/actuator/jolokia"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)));
        if (authorization != null) {
            post.header("Authorization", authorization);
        }
        return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            get.header("Authorization", authorization);
        }
        return http.send(get.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode value(HttpResponse<String> response) throws IOException {
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("status").asInt()).as(response.body()).isEqualTo(200);
        return answer.path("value");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
