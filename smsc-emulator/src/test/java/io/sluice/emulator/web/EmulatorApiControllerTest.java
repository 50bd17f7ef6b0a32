package io.sluice.emulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sluice.emulator.SmscEmulator;
import io.sluice.emulator.util.TestProperties;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The REST API over an emulator whose SMPP port is not even open: no ESME needed for these. */
class EmulatorApiControllerTest {

    private final SmscEmulator emulator = new SmscEmulator(TestProperties.emulator(), Clock.systemUTC());
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new EmulatorApiController(emulator))
            .setControllerAdvice(new EmulatorApiErrors()).build();

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void moIsAcceptedWithItsIdAndTheHandsetShowsIt() throws Exception {
        postMo("{\"from\":\"+447700900123\",\"text\":\"hello\"}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id", not(emptyString())));

        mvc.perform(get("/api/handsets")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].number").value("+447700900123"))
                .andExpect(jsonPath("$[0].sent").value(1))
                .andExpect(jsonPath("$[0].received").value(0));
        mvc.perform(get("/api/handsets/{number}", "+447700900123")).andExpect(status().isOk())
                .andExpect(jsonPath("$.outbox[0].to").value("7777"))
                .andExpect(jsonPath("$.outbox[0].text").value("hello"))
                .andExpect(jsonPath("$.outbox[0].status").value("queued"));
        mvc.perform(get("/api/stats")).andExpect(status().isOk())
                .andExpect(jsonPath("$.moOriginated").value(1))
                .andExpect(jsonPath("$.moPending").value(1))
                .andExpect(jsonPath("$.violations").value(0))
                .andExpect(jsonPath("$.sessions", hasSize(0)));
    }

    @Test
    void missingFromIsNamed() throws Exception {
        postMo("{\"text\":\"hello\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("from_missing"));
    }

    @Test
    void fromWithoutPlusOrTooShortIsNotE164() throws Exception {
        postMo("{\"from\":\"447700900123\",\"text\":\"hello\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("from_not_e164"));
        postMo("{\"from\":\"+12345\",\"text\":\"hello\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("from_not_e164"));
        postMo("{\"from\":\"+1234567890123456\",\"text\":\"hello\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("from_not_e164"));
    }

    @Test
    void missingTextIsNamed() throws Exception {
        postMo("{\"from\":\"+447700900123\",\"text\":\"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("text_missing"));
    }

    @Test
    void textBeyondTheMostPartsAConcatenationCanNumberIsTooLong() throws Exception {
        postMo("{\"from\":\"+447700900123\",\"text\":\"" + "x".repeat(153 * 255 + 1) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("text_too_long"));
    }

    @Test
    void malformedDestinationIsNamed() throws Exception {
        postMo("{\"from\":\"+447700900123\",\"to\":\"call me\",\"text\":\"hi\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("to_invalid"));
    }

    @Test
    void bodyThatIsNotJsonIsUnreadable() throws Exception {
        postMo("from=+447700900123").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("body_unreadable"));
    }

    @Test
    void formInsteadOfJsonIsAnUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/mo").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("from=%2B447700900123"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("content_type_unsupported"));
    }

    @Test
    void handsetThatHasNotSentOrReceivedAnythingIsEmpty() throws Exception {
        mvc.perform(get("/api/handsets/{number}", "+447700900000")).andExpect(status().isOk())
                .andExpect(jsonPath("$.number").value("+447700900000"))
                .andExpect(jsonPath("$.messages", hasSize(0)))
                .andExpect(jsonPath("$.outbox", hasSize(0)));
    }

    @Test
    void trafficLimitMustBeAPositiveNumber() throws Exception {
        mvc.perform(get("/api/traffic").param("limit", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("limit_invalid"));
        mvc.perform(get("/api/traffic").param("limit", "many")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("limit_invalid"));
        mvc.perform(get("/api/traffic")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void resetClearsCountersAndHandsets() throws Exception {
        postMo("{\"from\":\"+447700900123\",\"text\":\"hello\"}").andExpect(status().isAccepted());

        mvc.perform(post("/api/reset")).andExpect(status().isNoContent());

        mvc.perform(get("/api/stats")).andExpect(jsonPath("$.moOriginated").value(0));
        mvc.perform(get("/api/handsets")).andExpect(jsonPath("$", hasSize(0)));
    }

    private ResultActions postMo(String json) throws Exception {
        return mvc.perform(post("/api/mo").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aRefusalPeriodIsSetByNameOrNumberAndEndedByDelete() throws Exception {
        postFault("{\"status\":\"ESME_RMSGQFUL\",\"duration\":\"60s\"}").andExpect(status().isNoContent());
        assertThat(emulator.faults().refusal()).hasValue(0x14);
        postFault("{\"status\":\"0x58\",\"duration\":\"PT1M\"}").andExpect(status().isNoContent());
        assertThat(emulator.faults().refusal()).hasValue(0x58);

        mvc.perform(delete("/api/faults/refusal"))
                .andExpect(status().isNoContent());
        assertThat(emulator.faults().refusal()).isEmpty();
    }

    @Test
    void aRefusalWithoutAStatusOrAPositiveDurationIsNamed() throws Exception {
        postFault("{\"status\":\"ESME_ROK\",\"duration\":\"60s\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("status_invalid"));
        postFault("{\"status\":\"ESME_NOSUCH\",\"duration\":\"60s\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("status_invalid"));
        postFault("{\"status\":\"20\",\"duration\":\"-5s\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("duration_invalid"));
    }

    @Test
    void ignoringEnquireLinkSaysHowManySessionsItTouched() throws Exception {
        mvc.perform(post("/api/faults/ignore-enquire-link")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions").value(0));
    }

    private ResultActions postFault(String json) throws Exception {
        return mvc.perform(post("/api/faults/refusal").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
