package io.sluice.wan.web;

import io.sluice.web.ApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;

import io.sluice.wan.WanProperties;
import io.sluice.wan.WanSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The REST API over a real simulator on a free port. */
class WanApiControllerTest {

    // A target that never accepts: the kernel still completes connections into its backlog.
    private final ServerSocket target;
    private final WanSimulator wan;
    private final MockMvc mvc;

    WanApiControllerTest() throws IOException {
        target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        wan = new WanSimulator(new WanProperties("127.0.0.1", 0, "127.0.0.1", target.getLocalPort(),
                Duration.ofMillis(150), Duration.ofMillis(10), 0, 7L));
        wan.start();
        mvc = api(new StaticListableBeanFactory(Map.of("wanSimulator", wan)));
    }

    @AfterEach
    void stop() throws IOException {
        wan.close();
        target.close();
    }

    @Test
    void statusIsJsonWithDurationsInMilliseconds() throws Exception {
        mvc.perform(get("/api/wan")).andExpect(status().isOk())
                .andExpect(jsonPath("$.oneWayLatencyMs").value(150))
                .andExpect(jsonPath("$.jitterMs").value(10))
                .andExpect(jsonPath("$.bandwidthBytesPerSecond").value(0))
                .andExpect(jsonPath("$.blackHoled").value(false))
                .andExpect(jsonPath("$.blackHoleRemainingMs").value(0))
                .andExpect(jsonPath("$.openConnections").value(0))
                .andExpect(jsonPath("$.connectionsAccepted").value(0))
                .andExpect(jsonPath("$.connectionsReset").value(0))
                .andExpect(jsonPath("$.bytesClientToTarget").value(0))
                .andExpect(jsonPath("$.bytesTargetToClient").value(0))
                .andExpect(jsonPath("$.bytesInFlight").value(0))
                .andExpect(jsonPath("$.bytesDropped").value(0))
                .andExpect(jsonPath("$.seed").value(7));
    }

    @Test
    void putChangesOnlyTheFieldsGivenAndAnswersTheNewStatus() throws Exception {
        putJson("{\"oneWayLatencyMs\":300}").andExpect(status().isOk())
                .andExpect(jsonPath("$.oneWayLatencyMs").value(300))
                .andExpect(jsonPath("$.jitterMs").value(10));

        putJson("{\"jitterMs\":0,\"bandwidthBytesPerSecond\":100000,\"oneWayLatencyMs\":null}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.oneWayLatencyMs").value(300))
                .andExpect(jsonPath("$.jitterMs").value(0))
                .andExpect(jsonPath("$.bandwidthBytesPerSecond").value(100000));

        assertThat(wan.status().bandwidthBytesPerSecond()).isEqualTo(100_000);
        putJson("{}").andExpect(status().isOk()).andExpect(jsonPath("$.oneWayLatencyMs").value(300));
    }

    @Test
    void putBlackHoledStartsAndEndsABlackHole() throws Exception {
        putJson("{\"blackHoled\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.blackHoled").value(true))
                .andExpect(jsonPath("$.blackHoleRemainingMs").value(0));

        putJson("{\"blackHoled\":false}").andExpect(status().isOk()).andExpect(jsonPath("$.blackHoled").value(false));
    }

    @Test
    void badValuesAreNamedAndNothingChanges() throws Exception {
        putJson("{\"oneWayLatencyMs\":-1}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("oneWayLatencyMs_invalid"));
        putJson("{\"oneWayLatencyMs\":1.5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("oneWayLatencyMs_invalid"));
        putJson("{\"jitterMs\":\"10ms\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("jitterMs_invalid"));
        putJson("{\"oneWayLatencyMs\":3600001}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("oneWayLatencyMs_invalid"));
        putJson("{\"bandwidthBytesPerSecond\":-5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bandwidthBytesPerSecond_invalid"));
        putJson("{\"blackHoled\":\"yes\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("blackHoled_invalid"));
        putJson("{\"oneWayLatencyMs\":500,\"jitterMs\":-1}").andExpect(status().isBadRequest());

        assertThat(wan.status().oneWayLatency()).as("a refused body changes nothing").isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aMisspeltFieldIsRefusedNotIgnored() throws Exception {
        putJson("{\"latencyMs\":100}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("field_unknown"));
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() throws Exception {
        putJson("[150]").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("body_not_object"));
        putJson("latency=150").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("body_unreadable"));
        putJson("").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("body_unreadable"));
        mvc.perform(put("/api/wan").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("oneWayLatencyMs=1"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("content_type_unsupported"));
    }

    @Test
    void resetClosesTheProxiedConnectionsAndAnswersTheStatus() throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), wan.port())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> wan.status().openConnections() == 1);

            mvc.perform(post("/api/wan/reset")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.connectionsReset").value(1))
                    .andExpect(jsonPath("$.openConnections").value(0));
        }
    }

    @Test
    void blackHoleForSecondsEndsByItself() throws Exception {
        mvc.perform(post("/api/wan/black-hole").param("seconds", "2")).andExpect(status().isOk())
                .andExpect(jsonPath("$.blackHoled").value(true))
                .andExpect(jsonPath("$.blackHoleRemainingMs", allOf(greaterThan(0), lessThanOrEqualTo(2000))));

        mvc.perform(post("/api/wan/black-hole").param("seconds", "0.2")).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(5)).until(() -> !wan.status().blackHoled());
    }

    @Test
    void blackHoleSecondsMustBeAPositiveNumber() throws Exception {
        for (String seconds : new String[] {"0", "-1", "ten", "NaN", "0.0001", "86401"}) {
            mvc.perform(post("/api/wan/black-hole").param("seconds", seconds)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("seconds_invalid"));
        }
        mvc.perform(post("/api/wan/black-hole")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("seconds_missing"));
        assertThat(wan.status().blackHoled()).isFalse();
    }

    @Test
    void withoutASimulatorTheApiAnswersNotFound() throws Exception {
        api(new StaticListableBeanFactory()).perform(get("/api/wan")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no_wan_simulator"));
    }

    private static MockMvc api(StaticListableBeanFactory beans) {
        return MockMvcBuilders.standaloneSetup(new WanApiController(beans.getBeanProvider(WanSimulator.class)))
                .setControllerAdvice(new WanApiErrors()).build();
    }

    private ResultActions putJson(String json) throws Exception {
        return mvc.perform(put("/api/wan").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
