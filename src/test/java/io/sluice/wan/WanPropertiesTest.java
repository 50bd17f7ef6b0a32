package io.sluice.wan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WanPropertiesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final String PREFIX = "sluice.wan";

    @Test
    void defaultsAreTheDocumentedOnes() {
        WanProperties defaults = bind();

        assertThat(defaults.listenHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.listenPort()).isEqualTo(5674);
        assertThat(defaults.targetHost()).isEqualTo("localhost");
        assertThat(defaults.targetPort()).isEqualTo(5673);
        assertThat(defaults.oneWayLatency()).isZero();
        assertThat(defaults.jitter()).isZero();
        assertThat(defaults.bandwidthBytesPerSecond()).isZero();
        assertThat(defaults.seed()).isNull();
        assertThat(violations(defaults)).isEmpty();
    }

    @Test
    void settingsBindFromTheirKebabCaseKeysWithUnits() {
        WanProperties properties = bind("listen-port=0", "target-host=core.example.net", "target-port=5683",
                "one-way-latency=150ms", "jitter=1s", "bandwidth-bytes-per-second=100000", "seed=42");

        assertThat(properties.listenPort()).isZero();
        assertThat(properties.targetHost()).isEqualTo("core.example.net");
        assertThat(properties.targetPort()).isEqualTo(5683);
        assertThat(properties.oneWayLatency()).isEqualTo(Duration.ofMillis(150));
        assertThat(properties.jitter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.bandwidthBytesPerSecond()).isEqualTo(100_000);
        assertThat(properties.seed()).isEqualTo(42);
        assertThat(violations(properties)).isEmpty();
    }

    @Test
    void negativeDelaysBandwidthAndPortsAreRefused() {
        assertThat(violations(bind("one-way-latency=-1ms"))).contains("delaysInRange");
        assertThat(violations(bind("jitter=-5ms"))).contains("delaysInRange");
        assertThat(violations(bind("one-way-latency=2h"))).contains("delaysInRange");
        assertThat(violations(bind("bandwidth-bytes-per-second=-1"))).contains("bandwidthBytesPerSecond");
        assertThat(violations(bind("target-port=0"))).contains("targetPort");
        assertThat(violations(bind("listen-port=65536"))).contains("listenPort");
    }

    private static WanProperties bind(String... settings) {
        Map<String, String> values = new HashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            values.put(PREFIX + "." + setting.substring(0, equals), setting.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(PREFIX, WanProperties.class);
    }

    private static Set<String> violations(WanProperties properties) {
        return VALIDATOR.validate(properties).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).collect(Collectors.toSet());
    }
}
