package io.sluice.emulator.smpp;

import io.sluice.sms.smpp.SmppStatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private final Accounts accounts = new Accounts(Map.of("sluice", "secret"));

    @Test
    void rightCredentialsBind() {
        assertThat(accounts.check("sluice", "secret")).isEqualTo(SmppStatus.ESME_ROK.code());
    }

    @Test
    void wrongPasswordIsInvalidPassword() {
        assertThat(accounts.check("sluice", "Secret")).isEqualTo(0x0E);
    }

    @Test
    void unknownSystemIdIsInvalidSystemId() {
        assertThat(accounts.check("other", "secret")).isEqualTo(0x0F);
    }
}
