package io.sluice.emulator.util;

import io.sluice.emulator.EmulatorProperties;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Emulator settings bound the way Spring Boot binds them, from {@code key=value} pairs under {@code sluice.emulator}. */
public final class TestProperties {

    private static final String PREFIX = "sluice.emulator";

    private TestProperties() {
    }

    /**
     * Defaults, on a free SMPP port and with CIMD2 off (tests that want it say {@code "cimd2-port=0"}),
     * overridden by {@code settings} such as {@code "handshake-time=300ms"}.
     */
    public static EmulatorProperties emulator(String... settings) {
        Map<String, String> values = new HashMap<>();
        values.put(PREFIX + ".smpp-port", "0");
        values.put(PREFIX + ".cimd2-port", "-1");
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            values.put(PREFIX + "." + setting.substring(0, equals), setting.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(PREFIX, EmulatorProperties.class);
    }
}
