package io.sluice.wan.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class WanCtlOptionsTest {

    @Test
    void noOptionsOnlyShowsTheStatusOfTheDefaultSimulator() {
        WanCtlOptions options = parse("--sluice.role=wan-ctl");

        assertThat(options.wanUrl()).isEqualTo(URI.create("http://localhost:8095/"));
        assertThat(options.changesSettings()).isFalse();
        assertThat(options.reset()).isFalse();
        assertThat(options.blackHole()).isNull();
    }

    @Test
    void everyOptionIsRead() {
        WanCtlOptions options = parse("--wan-url=http://wan.example:9000", "--latency=150ms", "--jitter=10ms",
                "--bandwidth=100000", "--reset", "--black-hole=10s");

        assertThat(options.wanUrl()).isEqualTo(URI.create("http://wan.example:9000/"));
        assertThat(options.latency()).isEqualTo(Duration.ofMillis(150));
        assertThat(options.jitter()).isEqualTo(Duration.ofMillis(10));
        assertThat(options.bandwidthBytesPerSecond()).isEqualTo(100_000);
        assertThat(options.reset()).isTrue();
        assertThat(options.blackHole()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.restore()).isFalse();
        assertThat(options.changesSettings()).isTrue();
    }

    @Test
    void restoreIsASettingsChange() {
        WanCtlOptions options = parse("--restore");

        assertThat(options.restore()).isTrue();
        assertThat(options.changesSettings()).isTrue();
    }

    @Test
    void aDurationWithoutUnitIsMillisecondsAsEverywhereInSpringBoot() {
        assertThat(parse("--latency=150").latency()).isEqualTo(Duration.ofMillis(150));
        assertThat(parse("--latency=PT0.2S").latency()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> parse("--latency=fast")).hasMessageContaining("--latency must be a duration");
        assertThatThrownBy(() -> parse("--jitter=-5ms")).hasMessageContaining("--jitter must be a duration");
        assertThatThrownBy(() -> parse("--bandwidth=1MB")).hasMessageContaining("--bandwidth must be bytes per second");
        assertThatThrownBy(() -> parse("--bandwidth=-1")).hasMessageContaining("--bandwidth");
        assertThatThrownBy(() -> parse("--black-hole=0s")).hasMessageContaining("--black-hole must last");
        assertThatThrownBy(() -> parse("--reset=please")).hasMessageContaining("--reset takes no value");
        assertThatThrownBy(() -> parse("--wan-url=localhost:8095")).hasMessageContaining("--wan-url must be an http URL");
    }

    @Test
    void unknownOptionsAndStrayArgumentsAreRefusedButSpringBootsArePassedOver() {
        assertThatThrownBy(() -> parse("--latancy=100ms")).hasMessage("unknown option --latancy");
        assertThatThrownBy(() -> parse("reset")).hasMessage("unexpected argument reset");

        assertThat(parse("--logging.level.root=INFO", "--spring.main.banner-mode=off").changesSettings()).isFalse();
    }

    @Test
    void blackHoleAndRestoreTogetherContradictEachOther() {
        assertThatThrownBy(() -> parse("--black-hole=10s", "--restore")).hasMessageContaining("contradict");
    }

    private static WanCtlOptions parse(String... arguments) {
        return WanCtlOptions.from(new DefaultApplicationArguments(arguments));
    }
}
