package io.sluice.standby;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.sluice.broker.SitePrincipal;
import org.junit.jupiter.api.Test;

class MirrorLoginTest {

    private final AtomicBoolean passive = new AtomicBoolean(true);
    private final MirrorLogin logins = new MirrorLogin("mirror-secret", passive::get,
            (login, password) -> "alice".equals(login) ? Optional.of(SitePrincipal.user("alice")) : Optional.empty());

    @Test
    void thePrimarysMirrorLogsInWhileTheStandbyIsPassive() {
        assertThat(logins.authenticate(MirrorLogin.LOGIN, "mirror-secret"))
                .hasValueSatisfying(principal -> assertThat(principal.kind()).isEqualTo(SitePrincipal.Kind.MIRROR));
        assertThat(logins.authenticate(MirrorLogin.LOGIN, "guess")).isEmpty();
    }

    @Test
    void anActiveCoreRefusesTheMirrorOfAReturningPrimary() {
        passive.set(false);
        assertThat(logins.authenticate(MirrorLogin.LOGIN, "mirror-secret")).isEmpty();
    }

    @Test
    void otherLoginsGoToTheCoresAuthenticator() {
        assertThat(logins.authenticate("alice", "whatever")).isPresent();
        assertThat(logins.authenticate("bob", "whatever")).isEmpty();
    }

    @Test
    void noPasswordConfiguredMeansNoMirrorLogin() {
        MirrorLogin unset = new MirrorLogin("", () -> true, (login, password) -> Optional.empty());
        assertThat(unset.authenticate(MirrorLogin.LOGIN, "")).isEmpty();
    }
}
