package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.sms.text.SmsLength;
import io.sluice.stomp.StompFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The web client served by the core (issue 4, item 8) in a real headless Chromium: logging in, chat
 * with a phone (the emulator's handset) and with a user (a STOMP client), status ticks, unread counts,
 * a refused login, and the reconnect after the broker drops the page's WebSocket.
 */
@ExtendWith(SharedSites.class)
class WebClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** README: the page's screenshot is taken from this run (copied to docs/images by hand). */
    static final Path SCREENSHOT = Path.of("target", "screenshots", "chat-page.png");

    private ChatPage page;

    @BeforeEach
    void openBrowser(SluiceSites sites) {
        page = ChatPage.open(sites);
    }

    @AfterEach
    void closeBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void aWrongPasswordIsRefusedOnTheLoginForm() {
        page.logIn("alice", "not-her-password");

        // The broker's ERROR frame, decoded: Artemis names the user whose credentials it refused.
        assertThat(page.awaitLoginError()).contains("alice").contains("invalid").contains("held off for a minute");
        assertThat(page.chatViewShown()).isFalse();

        page.logIn("alice", "alice-pw");
        page.awaitConnected();
        assertThat(page.chatViewShown()).isTrue();
    }

    @Test
    void aMessageToAPhoneReachesTheHandsetAndItsTicksAdvanceToDelivered(SluiceSites sites) {
        String phone = "+447700900801";
        String text = "Lunch at 12? Table {4}";
        page.logIn("alice", "alice-pw");
        page.awaitConnected();

        page.typeRecipient(phone);
        // The counter must say what the carrier will bill, the same numbers as the server's SmsLength
        // for the text the phone receives ("alice: ..."): GSM with extension characters, then UCS-2.
        for (String typed : List.of(text, "5€ each, [or] ~4 ".repeat(10), "Привет, как дела?")) {
            page.typeText(typed);
            SmsLength expected = SmsLength.of("alice: " + typed);
            assertThat(page.smsCounter()).as(typed)
                    .containsEntry("encoding", expected.encoding().label())
                    .containsEntry("parts", String.valueOf(expected.parts()))
                    .containsEntry("left", String.valueOf(expected.unitsLeftInPart()));
        }
        page.sendTo(phone, text);

        WebElement delivered = page.awaitOutgoingStatus(text, "delivered");
        assertThat(page.ticksOf(delivered)).isEqualTo(5); // accepted, sent, confirmed, processed, delivered
        JsonNode handset = StompToPhoneIT.awaitHandsetCount(sites, phone, 1);
        assertThat(handset).anySatisfy(sms -> {
            assertThat(sms.path("from").asText()).isEqualTo("7777");
            assertThat(sms.path("text").asText()).isEqualTo("alice: " + text);
        });
    }

    @Test
    void aMessageToAnUnknownUserShowsWhyItFailed() {
        page.logIn("alice", "alice-pw");
        page.awaitConnected();

        page.sendTo("nobody-here", "is anyone there?");

        WebElement failed = page.awaitOutgoingStatus("is anyone there?", "failed");
        assertThat(page.statusTextOf(failed)).startsWith("failed: UNKNOWN_USER");
        assertThat(page.ticksOf(failed)).isZero();
    }

    @Test
    void aUserChatsWithAnotherUserBothWaysWithUnreadCounts(SluiceSites sites) throws Exception {
        page.logIn("alice", "alice-pw");
        page.awaitConnected();
        assertThat(page.smsCounterShown()).isFalse();
        try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            page.sendTo("bob", "hi bob, from the page");
            StompFrame atBob = bob.awaitChat(frame -> "hi bob, from the page".equals(frame.body()), "alice's message");
            assertThat(atBob.header("from")).isEqualTo("alice");
            WebElement mine = page.awaitOutgoingStatus("hi bob, from the page", "delivered");
            assertThat(page.ticksOf(mine)).isEqualTo(2); // accepted, delivered (bob's client took it)

            // Alice turns to another conversation; what bob writes now waits as unread.
            page.sendTo("carol", "carol, are you there?");
            page.awaitOutgoingStatus("carol, are you there?", "accepted");
            bob.send("alice", "hi alice", "bob-1");
            bob.send("alice", "are you free at noon?", "bob-2");
            page.awaitIncoming("bob", "hi alice");
            page.awaitIncoming("bob", "are you free at noon?");
            page.awaitUnread("bob", 2);
            assertThat(page.title()).startsWith("(2) ");

            page.openConversation("bob");
            page.awaitUnread("bob", 0);
            assertThat(page.title()).doesNotStartWith("(");
            bob.awaitStatus("bob-2", "delivered"); // the page's inbox subscription took it
            page.saveScreenshot(SCREENSHOT);
        }
    }

    /**
     * ADR 0008: alice watches bob; bob's client subscribing to his inbox makes him online, leaving
     * makes him "sms" (not online, but reachable by SMS: the demo account bob has a linked phone,
     * application-core.yml).
     */
    @Test
    void theBuddyListShowsABuddyComingOnlineAndGoingAway(SluiceSites sites) throws Exception {
        page.logIn("alice", "alice-pw");
        page.awaitConnected();
        page.addBuddy("bob");
        try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            page.awaitBuddyPresence("bob", "online");
        }
        page.awaitBuddyPresence("bob", "sms");

        page.removeBuddy("bob");
        page.awaitNoBuddy("bob");
    }

    @Test
    void thePageReconnectsAfterTheBrokerDropsItsWebSocket(SluiceSites sites) throws Exception {
        page.logIn("alice", "alice-pw");
        page.awaitConnected();
        page.recordConnectionStates();

        assertThat(closeBrokerConnectionsOf(sites, "alice")).as("the broker had alice's connection to close").isTrue();

        page.awaitRecordedStates(List.of("reconnecting", "connected"));
        try (ChatUser bob = ChatUser.overWebSocket(sites, "bob", "bob-pw")) {
            page.sendTo("bob", "still here after the drop");
            bob.awaitChat(frame -> "still here after the drop".equals(frame.body()), "alice's message after the reconnect");
            bob.send("alice", "welcome back", "bob-back-1");
            page.awaitIncoming("bob", "welcome back");
        }
    }

    /**
     * Makes the core's broker drop every connection of a user, as a broker restart or a network cut
     * would: Artemis' management operation over the core's Jolokia endpoint, an admin's (ADR 0017). The
     * page learns of it only from its WebSocket closing.
     */
    private static boolean closeBrokerConnectionsOf(SluiceSites sites, String user) throws IOException, InterruptedException {
        String request = JSON.writeValueAsString(JSON.createObjectNode()
                .put("type", "exec")
                .put("mbean", "org.apache.activemq.artemis:broker=\"sluice-core\"")
                .put("operation", "closeConnectionsForUser(java.lang.String)")
                .set("arguments", JSON.createArrayNode().add(user)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sites.coreHttpPort + "/actuator/jolokia"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", ManagementLogin.ADMIN.authorization())
                        .POST(HttpRequest.BodyPublishers.ofString(request))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("status").asInt()).as(response.body()).isEqualTo(200);
        return answer.path("value").asBoolean();
    }
}
