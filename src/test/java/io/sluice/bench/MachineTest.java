package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class MachineTest {

    /** The report names the commit the build saw, which for the tests (run in a checkout) is its HEAD. */
    @Test
    void theReportNamesTheCommitTheBuildWasMadeFrom() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        assertThat(git.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String head = new String(git.getInputStream().readAllBytes()).trim();

        assertThat(Machine.gitCommit()).startsWith(" (commit ").contains(head.substring(0, 7));
    }
}
