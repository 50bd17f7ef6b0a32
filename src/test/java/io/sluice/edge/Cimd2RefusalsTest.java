package io.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.sms.cimd2.Cimd2ErrorCode;
import io.sluice.sms.cimd2.Cimd2Operation;
import io.sluice.sms.cimd2.client.Cimd2NegativeResponseException;
import io.sluice.sms.cimd2.client.Cimd2SessionException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which CIMD2 failures of a submit are refusals for good (SMSC_REJECTED) and which are retried in place (ADR 0009). */
class Cimd2RefusalsTest {

    @ParameterizedTest
    @EnumSource(names = {"TEMPORARY_CONGESTION", "CONNECTION_TO_SMSC_LOST", "NO_RESPONSE_FROM_SMSC", "GENERAL_SYSTEM_ERROR"})
    void congestionAndSmscTroubleAreRetried(Cimd2ErrorCode code) {
        assertThat(EdgeEvents.isPermanent(refusal(code))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"INCORRECT_DESTINATION_ADDRESS", "INCORRECT_NUMBER_OF_DESTINATIONS", "USER_DATA_SYNTAX_ERROR",
            "INCORRECT_ORIGINATOR_ADDRESS_USAGE", "SYNTAX_ERROR", "UNEXPECTED_OPERATION"})
    void addressAndSyntaxErrorsAreRefusalsForGood(Cimd2ErrorCode code) {
        assertThat(EdgeEvents.isPermanent(refusal(code))).isTrue();
    }

    @Test
    void anErrorCodeTheSpecificationDoesNotListIsARefusalForGood() {
        assertThat(EdgeEvents.isPermanent(new Cimd2NegativeResponseException(Cimd2Operation.SUBMIT_RESPONSE, 777, null)))
                .isTrue();
    }

    @Test
    void aLostSessionOrNoResponseIsRetried() {
        assertThat(EdgeEvents.isPermanent(new Cimd2SessionException("no response after 3 transmissions"))).isFalse();
    }

    @Test
    void theRefusalDetailNamesTheCimd2ErrorCode() {
        assertThat(EdgeEvents.refusalDetail(refusal(Cimd2ErrorCode.INCORRECT_DESTINATION_ADDRESS)))
                .isEqualTo("The SMSC answered SUBMIT_RESPONSE with error 300 (Incorrect destination address).");
    }

    /** As the route sees it: wrapped by Camel. */
    private static Throwable refusal(Cimd2ErrorCode code) {
        return new RuntimeCamelException(new Cimd2NegativeResponseException(Cimd2Operation.SUBMIT_RESPONSE, code.code(), code));
    }
}
