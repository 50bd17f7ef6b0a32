package io.sluice.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.emulator.util.TestProperties;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmulatorPropertiesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void defaultsAreTheDocumentedOnes() {
        EmulatorProperties defaults = TestProperties.emulator("smpp-port=2775");

        assertThat(defaults.smppPort()).isEqualTo(2775);
        assertThat(defaults.accounts()).isEqualTo(Map.of("sluice", "secret"));
        assertThat(defaults.serviceNumber()).isEqualTo("7777");
        assertThat(defaults.serviceSystemId()).isEqualTo("sluice");
        assertThat(defaults.handshakeTime()).isEqualTo(Duration.ofMillis(5));
        assertThat(defaults.handshakeJitter()).isZero();
        assertThat(defaults.receiptDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(defaults.receiptOutcome()).isEqualTo(ReceiptOutcome.DELIVERED);
        assertThat(defaults.violationPolicy()).isEqualTo(ViolationPolicy.COUNT);
        assertThat(defaults.violationStatus()).isEqualTo(0x58);
        assertThat(defaults.moRetryInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.responseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.defaultCharset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(defaults.recordedTrafficLimit()).isEqualTo(10_000);
        assertThat(defaults.handsetInboxLimit()).isEqualTo(1_000);
        assertThat(violations(defaults)).isEmpty();
    }

    @Test
    void settingsBindFromTheirKebabCaseKeys() {
        EmulatorProperties properties = TestProperties.emulator("accounts.edge1=pw1", "service-system-id=edge1",
                "violation-policy=REJECT", "violation-status=0x14", "default-charset=UTF-8", "handshake-jitter=2ms");

        assertThat(properties.accounts()).isEqualTo(Map.of("edge1", "pw1"));
        assertThat(properties.violationPolicy()).isEqualTo(ViolationPolicy.REJECT);
        assertThat(properties.violationStatus()).isEqualTo(0x14);
        assertThat(properties.defaultCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(violations(properties)).isEmpty();
    }

    @Test
    void systemIdLongerThanFifteenAndPasswordLongerThanEightAreRefused() {
        assertThat(violations(TestProperties.emulator("accounts.abcdefghijklmnop=pw", "service-system-id=abcdefghijklmnop")))
                .contains("accountsWithinSmppLimits");
        assertThat(violations(TestProperties.emulator("accounts.sluice=123456789")))
                .contains("accountsWithinSmppLimits");
    }

    @Test
    void serviceAccountMustExist() {
        assertThat(violations(TestProperties.emulator("service-system-id=nobody"))).contains("serviceSystemIdAnAccount");
    }

    @Test
    void negativeDelaysAndZeroRetryIntervalAreRefused() {
        assertThat(violations(TestProperties.emulator("receipt-delay=-1ms"))).contains("durationsInRange");
        assertThat(violations(TestProperties.emulator("mo-retry-interval=0s"))).contains("durationsInRange");
    }

    @Test
    void okIsNoViolationStatus() {
        assertThat(violations(TestProperties.emulator("violation-status=0"))).contains("violationStatus");
    }

    private static Set<String> violations(EmulatorProperties properties) {
        return VALIDATOR.validate(properties).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).collect(Collectors.toSet());
    }
}
