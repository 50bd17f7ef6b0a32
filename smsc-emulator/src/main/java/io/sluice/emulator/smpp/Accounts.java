package io.sluice.emulator.smpp;

import io.sluice.sms.smpp.SmppStatus;

import java.util.Map;

/** Checks the system_id and password of a bind (SMPP 3.4 §4.1). */
final class Accounts {

    private final Map<String, String> passwordsBySystemId;

    Accounts(Map<String, String> passwordsBySystemId) {
        this.passwordsBySystemId = Map.copyOf(passwordsBySystemId);
    }

    /** ESME_ROK, or the bind_resp status that refuses the bind. */
    int check(String systemId, String password) {
        String expected = passwordsBySystemId.get(systemId);
        if (expected == null) {
            return SmppStatus.ESME_RINVSYSID.code();
        }
        return expected.equals(password) ? SmppStatus.ESME_ROK.code() : SmppStatus.ESME_RINVPASWD.code();
    }
}
