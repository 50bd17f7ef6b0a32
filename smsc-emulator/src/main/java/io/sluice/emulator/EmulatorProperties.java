package io.sluice.emulator;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the SMSC emulator ({@code sluice.emulator.*}); each one is described in
 * {@code smsc-emulator/README.md}.
 *
 * @param smppPort TCP port of the SMPP 3.4 server; 0 picks a free port (tests)
 * @param cimd2Port TCP port of the CIMD2 server; 0 picks a free port, -1 switches CIMD2 off
 * @param accounts ESME accounts, system_id to password (SMPP 3.4 §5.2.1: system_id at most 15
 *     characters, §5.2.2: password at most 8); defaults to {@code sluice=secret}
 * @param serviceNumber the short code phones text; the default {@code to} of a mobile-originated SMS
 * @param serviceSystemId the account whose receiver binds get mobile-originated messages
 * @param handshakeTime simulated SMSC processing time before answering a request
 * @param handshakeJitter the processing time varies uniformly by up to this much either way
 * @param receiptDelay time between a {@code submit_sm_resp} and its delivery receipt
 * @param receiptOutcome final state reported in delivery receipts
 * @param violationPolicy what to do with a request that breaks sequential handshaking
 * @param violationStatus command_status answering a violating request under {@code REJECT}
 * @param moRetryInterval wait before re-sending a {@code deliver_sm} the ESME refused or left unanswered
 * @param responseTimeout how long the emulator waits for a {@code deliver_sm_resp}
 * @param lateResponseDelay how long a scripted late answer ({@code #LATERESP}) is held back
 * @param defaultAlphabet what data_coding 0, the "SMSC default alphabet" (SMPP 3.4 §5.2.19), is:
 *     GSM 03.38 or {@code defaultCharset}
 * @param defaultCharset charset of data_coding 0 when {@code defaultAlphabet} is {@code CHARSET}
 * @param recordedTrafficLimit number of PDUs kept for {@code GET /api/traffic}
 * @param handsetInboxLimit messages kept per handset inbox (older ones are dropped, counts go on)
 */
@Validated
@ConfigurationProperties("sluice.emulator")
public record EmulatorProperties(
        @DefaultValue("2775") @Min(0) @Max(65535) int smppPort,
        @DefaultValue("9971") @Min(CIMD2_OFF) @Max(65535) int cimd2Port,
        Map<String, String> accounts,
        @DefaultValue("7777") @NotBlank @Pattern(regexp = "\\+?[0-9]{1,20}") String serviceNumber,
        @DefaultValue("sluice") @NotBlank String serviceSystemId,
        @DefaultValue("5ms") @NotNull Duration handshakeTime,
        @DefaultValue("0ms") @NotNull Duration handshakeJitter,
        @DefaultValue("200ms") @NotNull Duration receiptDelay,
        @DefaultValue("DELIVERED") @NotNull ReceiptOutcome receiptOutcome,
        @DefaultValue("COUNT") @NotNull ViolationPolicy violationPolicy,
        @DefaultValue("0x58") @Min(1) int violationStatus,
        @DefaultValue("1s") @NotNull Duration moRetryInterval,
        @DefaultValue("5s") @NotNull Duration responseTimeout,
        @DefaultValue("10s") @NotNull Duration lateResponseDelay,
        @DefaultValue("GSM") @NotNull DefaultAlphabet defaultAlphabet,
        @DefaultValue("ISO-8859-1") @NotNull Charset defaultCharset,
        @DefaultValue("10000") @Min(1) int recordedTrafficLimit,
        @DefaultValue("1000") @Min(1) int handsetInboxLimit) {

    /** SMPP 3.4 §5.2.1: system_id is a C-Octet String of at most 16 octets, NUL included. */
    public static final int MAX_SYSTEM_ID_LENGTH = 15;
    /** SMPP 3.4 §5.2.2: password is a C-Octet String of at most 9 octets, NUL included. */
    public static final int MAX_PASSWORD_LENGTH = 8;

    /** {@code cimd2-port} value that runs no CIMD2 server. */
    public static final int CIMD2_OFF = -1;

    private static final Map<String, String> DEFAULT_ACCOUNTS = Map.of("sluice", "secret");

    public EmulatorProperties {
        // A map has no @DefaultValue; an empty map would lock every ESME out, so it means "default".
        accounts = accounts == null || accounts.isEmpty() ? DEFAULT_ACCOUNTS : Map.copyOf(accounts);
    }

    @AssertTrue(message = "accounts: system_id must be 1-15 characters and password at most 8 (SMPP 3.4 §5.2.1-2)")
    public boolean isAccountsWithinSmppLimits() {
        return accounts.entrySet().stream().allMatch(account -> !account.getKey().isEmpty()
                && account.getKey().length() <= MAX_SYSTEM_ID_LENGTH
                && account.getValue() != null
                && account.getValue().length() <= MAX_PASSWORD_LENGTH);
    }

    @AssertTrue(message = "service-system-id must be one of the accounts")
    public boolean isServiceSystemIdAnAccount() {
        return serviceSystemId == null || accounts.containsKey(serviceSystemId);
    }

    @AssertTrue(message = "handshake-time, handshake-jitter and receipt-delay must not be negative; "
            + "mo-retry-interval and response-timeout must be positive")
    public boolean isDurationsInRange() {
        return isNotNegative(handshakeTime) && isNotNegative(handshakeJitter) && isNotNegative(receiptDelay)
                && isPositive(moRetryInterval) && isPositive(responseTimeout);
    }

    private static boolean isNotNegative(Duration duration) {
        return duration == null || !duration.isNegative();
    }

    private static boolean isPositive(Duration duration) {
        return duration == null || (!duration.isNegative() && !duration.isZero());
    }
}
