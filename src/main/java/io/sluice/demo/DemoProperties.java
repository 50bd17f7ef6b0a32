package io.sluice.demo;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the demo role ({@code sluice.demo.*}): the ports of the sites it starts.
 *
 * @param coreHttpPort     web chat page, REST, Hawtio of the core
 * @param edgeHttpPort     health and Hawtio of the edge
 * @param emulatorHttpPort phones page and REST API of the SMSC emulator
 * @param stompPort        STOMP (TCP and WebSocket) of the core
 * @param edgeLinkPort     where the edge dials the core
 * @param smppPort         the emulator's SMPP port
 * @param cimd2Port        the emulator's CIMD2 port (the demo's edge speaks SMPP; the port is still held)
 * @param wanHttpPort      REST API of the WAN simulator between edge and core
 * @param wanPort          where the edge dials the WAN simulator (which forwards to edgeLinkPort)
 * @param wanOneWayLatency delay the WAN simulator adds in each direction
 * @param startupTimeout   how long each site may take to become ready
 */
@Validated
@ConfigurationProperties("sluice.demo")
public record DemoProperties(
        @Min(1) @Max(65535) int coreHttpPort,
        @Min(1) @Max(65535) int edgeHttpPort,
        @Min(1) @Max(65535) int emulatorHttpPort,
        @Min(1) @Max(65535) int stompPort,
        @Min(1) @Max(65535) int edgeLinkPort,
        @Min(1) @Max(65535) int smppPort,
        @Min(1) @Max(65535) int cimd2Port,
        @Min(1) @Max(65535) int wanHttpPort,
        @Min(1) @Max(65535) int wanPort,
        @NotNull Duration wanOneWayLatency,
        @NotNull Duration startupTimeout) {
}
