package io.sluice.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.sluice.sms.text.SmsLength;
import org.junit.jupiter.api.Test;

class SmsRepliesTest {

    @Test
    void helpFitsOneGsmSms() {
        assertThat(SmsLength.of(SmsReplies.HELP).parts()).isEqualTo(1);
    }

    @Test
    void whoGroupsBuddiesByPresence() {
        Map<String, Presence.State> buddies = new TreeMap<>(Map.of("+447700900111", Presence.State.SMS,
                "bob", Presence.State.ONLINE, "carol", Presence.State.OFFLINE, "dave", Presence.State.ONLINE));
        assertThat(SmsReplies.who(buddies))
                .isEqualTo("Sluice: Online: bob, dave. By SMS: +447700900111. Offline: carol.");
    }

    @Test
    void whoWithManyBuddiesIsCutToOneSmsAndSaysHowManyMore() {
        Map<String, Presence.State> buddies = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            buddies.put("user" + i, Presence.State.ONLINE);
        }
        String reply = SmsReplies.who(buddies);
        assertThat(SmsLength.of(reply).parts()).isEqualTo(1);
        assertThat(reply).startsWith("Sluice: Online: user0, user1").containsPattern("\\+\\d+ more$");
    }

    @Test
    void whoWithNoBuddiesSaysHowToAddOne() {
        assertThat(SmsReplies.who(Map.of())).isEqualTo("Sluice: no buddies yet. ADD name to add one.");
    }

    @Test
    void aLongRefusalIsCutToOneSms() {
        String reply = SmsReplies.refused("x".repeat(300));
        assertThat(SmsLength.of(reply).parts()).isEqualTo(1);
        assertThat(reply).endsWith("…");
    }
}
