package io.sluice.core;

import java.util.List;
import java.util.Map;

import io.sluice.ring.RingSizes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the core site ({@code sluice.core.*}); every key is listed in the README.
 *
 * @param bindHost            interface the STOMP and edge acceptors listen on
 * @param stompPort           STOMP over TCP and over WebSocket, for PC clients and the web page
 * @param edgePort            AMQP port the carrier edges dial
 * @param maxStompConnections cap on concurrent client connections
 * @param maxStompFrameBytes  largest STOMP frame (command, headers, body) a client may send; a larger one
 *                            ends its connection with an ERROR (ADR 0018)
 * @param publicHost          host name the web page uses to reach the STOMP WebSocket
 * @param serviceNumber       the number phone users text (shown in help replies)
 * @param users               seed accounts by login: created in the accounts store at start-up when
 *                            absent and {@code seedUsers} is on; never updated from here afterwards
 * @param seedUsers           whether to create the {@code users} at start-up (the demo's alice, bob
 *                            and carol by default: switch off in a real deployment)
 * @param adminToken          bearer token of the admin API ({@code /api/admin}); the default is the
 *                            demo's and must be replaced in a real deployment
 * @param carriers            carriers by name: the number prefixes each serves and its edge's password
 */
@Validated
@ConfigurationProperties("sluice.core")
public record CoreProperties(
        @NotBlank String bindHost,
        @Min(1) @Max(65535) int stompPort,
        @Min(1) @Max(65535) int edgePort,
        @Min(1) int maxStompConnections,
        @Min(MIN_STOMP_FRAME_BYTES) int maxStompFrameBytes,
        @NotBlank String publicHost,
        @NotBlank String serviceNumber,
        @DefaultValue Map<@Pattern(regexp = UserName.PATTERN) String, @Valid User> users,
        @DefaultValue("true") boolean seedUsers,
        @NotBlank @Size(min = MIN_ADMIN_TOKEN_CHARS) String adminToken,
        @NotEmpty Map<@Pattern(regexp = "[a-z][a-z0-9-]{0,30}") String, @Valid Carrier> carriers) {

    /** Room for a STOMP frame's headers (the limit must also let a chat text of max-text-chars through). */
    public static final int MIN_STOMP_FRAME_BYTES = 1024;
    /** Long enough that guessing it over HTTP is hopeless. */
    public static final int MIN_ADMIN_TOKEN_CHARS = 16;
    /** The default in application-core.yml; the core warns at start-up while it is in use. */
    public static final String DEMO_ADMIN_TOKEN = "demo-admin-token";

    /** A seed account; {@code phone}, when set, is the user's own handset in E.164. */
    public record User(@NotBlank String password, @Pattern(regexp = PhoneNumber.PATTERN) String phone) {
    }

    /**
     * A carrier: its edge's credentials, the E.164 prefixes (with '+') it serves, and the slots of its
     * rings, each the same as its edge's: MT at most 256 (its concatenation reference is the sequence's low
     * 8 bits, ADR 0007), MO as many as the SMSC delivers during a round trip to the edge and back (ADR 0039).
     */
    public record Carrier(@NotBlank String edgePassword, @NotEmpty List<@Pattern(regexp = "\\+[0-9]*") String> prefixes,
                          @DefaultValue("255") @Min(1) @Max(256) int ringSlots,
                          @DefaultValue("1024") @Min(1) @Max(65535) int moRingSlots) {

        public RingSizes ringSizes() {
            return new RingSizes(ringSlots, moRingSlots);
        }
    }
}
