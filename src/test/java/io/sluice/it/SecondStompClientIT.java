package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documented STOMP API driven by a second, independent STOMP implementation: Debian's
 * python3-stomp (stomp.py), installed by .ci/run. The script (src/test/python/stomp_api_check.py)
 * logs in as alice and bob, chats user to user and user to phone, and checks the refusals.
 */
@ExtendWith(SharedSites.class)
class SecondStompClientIT {

    private static final Path SCRIPT = Path.of("src", "test", "python", "stomp_api_check.py");
    /** Debian's interpreter, where python3-stomp lives (a python3 earlier on PATH may lack it). */
    private static final String DEBIAN_PYTHON = "/usr/bin/python3";

    @Test
    void stompPyUsesTheApiAsDocumented(SluiceSites sites) throws Exception {
        Process script = new ProcessBuilder(DEBIAN_PYTHON, SCRIPT.toString(), "127.0.0.1",
                String.valueOf(sites.stompPort), "+447700900951").redirectErrorStream(true).start();
        boolean ended = script.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            script.destroyForcibly();
        }
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(ended).as("the script ended").isTrue();
        assertThat(script.exitValue()).as(output).isZero();
        assertThat(output).contains("PASS");
    }
}
