package io.sluice;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The roles one Sluice executable can play; each is also the name of a Spring profile. */
public enum Role {
    /** The IM server: embedded broker with STOMP, dispatch routes, web chat page. */
    CORE("core"),
    /** The buffer server beside one SMSC: embedded broker, stop-and-wait SMSC link. */
    EDGE("edge"),
    /** An SMPP 3.4 SMSC for development, tests and the demo. */
    SMSC_EMULATOR("smsc-emulator"),
    /** Supervises a core, an edge and an emulator as child processes. */
    DEMO("demo"),
    /** Command line: asks a running emulator to originate one mobile-originated SMS. */
    MO("mo"),
    /**
     * A TCP proxy that simulates a long, unstable internet path (latency, jitter, bandwidth cap,
     * resets, black holes) between an edge and the core; see {@code docs/wan-simulator.md}.
     */
    WAN("wan"),
    /** Command line: reads or changes the conditions of a running WAN simulator over its REST API. */
    WAN_CTL("wan-ctl"),
    /** Command line: manages the accounts of a running core over its admin API ({@code users list}, ...). */
    ADMIN("admin"),
    /** Command line: makes the core-edge link's CA and the sites' certificates (ADR 0015). */
    PKI("pki");

    private final String profile;

    Role(String profile) {
        this.profile = profile;
    }

    public String profile() {
        return profile;
    }

    public static Role of(String name) {
        return Arrays.stream(values())
                .filter(r -> r.profile.equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(Role::profile).collect(Collectors.joining(", "))));
    }

    /** The role named by {@code --sluice.role=} on the command line, else by {@code SLUICE_ROLE}, else demo. */
    static Role fromArguments(String[] args, Map<String, String> env) {
        for (String arg : args) {
            if (arg.startsWith("--sluice.role=")) {
                return of(arg.substring("--sluice.role=".length()));
            }
        }
        String fromEnv = env.get("SLUICE_ROLE");
        return fromEnv == null || fromEnv.isBlank() ? DEMO : of(fromEnv);
    }
}
