package io.sluice.edge;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of an edge site ({@code sluice.edge.*}); every key is listed in the README.
 *
 * @param carrier             the carrier this edge serves (names its MT queue at the core)
 * @param coreUri             where the core's edge acceptor is, as an Artemis connector URI
 * @param coreUser            login at the core ({@code edge-<carrier>})
 * @param corePassword        password at the core
 * @param coreRetryIntervalMs pause between attempts to re-dial the core
 * @param requestReceipts     ask the SMSC for delivery receipts
 * @param receiptsKeptOnDisk  submissions whose SMSC message id is kept on disk for a receipt that comes after a
 *                            restart (ADR 0029); memory keeps more, but only until the restart
 * @param serviceNumber       source address of SMS to phones (the short code phones answer to)
 * @param ringSlots           slots of this carrier's MT ring, at most 256: the concatenation reference is the low 8
 *                            bits of the MT sequence (ADR 0007); the core must be configured with the same
 * @param moRingSlots         slots of this carrier's MO ring: at least what the SMSC delivers during one round trip to
 *                            the core and back (ADR 0039); the core must be configured with the same
 * @param moIntakeMaxPending  MO texts on disk in the intake log but not yet in the MO ring beyond which the
 *                            SMSC is answered "queue full" and retries (ADR 0038)
 * @param smsc                the SMSC bind
 * @param sms                 how texts are cut into SMS parts and joined again
 */
@Validated
@ConfigurationProperties("sluice.edge")
public record EdgeProperties(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,30}") String carrier,
        @NotBlank String coreUri,
        @NotBlank String coreUser,
        @NotBlank String corePassword,
        @Min(100) long coreRetryIntervalMs,
        boolean requestReceipts,
        @Min(1) int receiptsKeptOnDisk,
        @NotBlank String serviceNumber,
        @Min(1) @Max(256) int ringSlots,
        @Min(1) @Max(65535) int moRingSlots,
        @Min(1) int moIntakeMaxPending,
        @NotNull @Valid Smsc smsc,
        @NotNull @Valid Sms sms) {

    /**
     * SMS text handling at the edge (ADR 0006, 0007).
     *
     * @param maxParts          most concatenated parts an MT text may take (1..255, TS 23.040
     *                          §9.2.3.24.1); a longer text is refused for good
     * @param reassemblyTimeout how long after its first part an incomplete MO message is released
     *                          with missing-part markers
     */
    public record Sms(
            @Min(1) @Max(255) int maxParts,
            @NotNull Duration reassemblyTimeout) {
    }

    /**
     * One SMPP 3.4 transceiver bind (section 4.1.5), used stop-and-wait.
     *
     * @param systemId            at most 15 characters (SMPP 3.4 section 4.1)
     * @param password            at most 8 characters (SMPP 3.4 section 4.1)
     * @param enquireLinkInterval idle time after which enquire_link checks the bind
     * @param responseTimeout     how long to wait for a response before the request counts as failed
     * @param reconnectDelay      pause before re-binding after the bind was lost
     * @param maxSubmitsPerSecond the rate the carrier allows (its TPS); the edge never submits faster
     * @param maxUnsyncedOutcomes SMSC answers that may still wait for their disk commit when the next
     *                            submit goes out (ADR 0021): after a kill -9 the SMSC gets those again;
     *                            0 waits for every commit (strict stop-and-wait with the disk)
     * @param protocol            which protocol the SMSC speaks; chooses the routes in routes/edge-&lt;protocol&gt;/
     * @param cimd2               settings only CIMD2 has (ADR 0009)
     */
    public record Smsc(
            @NotNull Protocol protocol,
            @NotBlank String host,
            @Min(1) int port,
            @NotBlank @Size(max = 15) String systemId,
            @NotNull @Size(max = 8) String password,
            @NotNull @Size(max = 12) String systemType,
            @NotNull Duration enquireLinkInterval,
            @NotNull Duration responseTimeout,
            @NotNull Duration reconnectDelay,
            @Min(1) int maxSubmitsPerSecond,
            @Min(0) int maxUnsyncedOutcomes,
            @NotNull @Valid Cimd2 cimd2) {
    }

    /** The SMSC's protocol; the lower-case name is the folder of its routes. */
    public enum Protocol {
        SMPP, CIMD2
    }

    /**
     * CIMD2 session settings beyond the shared ones (system-id is the user identity, 010).
     *
     * @param aliveInterval    idle time after which alive (40) checks the connection
     * @param maxTransmissions how often one request is sent in all (same packet number) before reconnecting
     * @param checksum         whether the edge's packets carry the optional checksum (CIMD2 §3.3)
     * @param checksumPolicy   what is accepted from the SMSC: REQUIRE, VERIFY_IF_PRESENT or IGNORE
     */
    public record Cimd2(
            @NotNull Duration aliveInterval,
            @Min(1) @Max(10) int maxTransmissions,
            boolean checksum,
            @NotNull io.sluice.sms.cimd2.Cimd2ChecksumPolicy checksumPolicy) {
    }
}
