package io.sluice.broker;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The credentials this process's own routes use on its in-VM broker connection. The password is
 * random per process start and never leaves the JVM, so no configured secret can open it.
 */
public final class SystemCredentials implements Authenticator {

    public static final String LOGIN = "sluice-system";

    private final String password;

    public SystemCredentials() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.password = HexFormat.of().formatHex(secret);
    }

    public String login() {
        return LOGIN;
    }

    public String password() {
        return password;
    }

    @Override
    public Optional<SitePrincipal> authenticate(String login, String candidate) {
        return LOGIN.equals(login) && constantTimeEquals(password, candidate)
                ? Optional.of(SitePrincipal.system(LOGIN))
                : Optional.empty();
    }

    /** Compares secrets without leaking, through timing, how many leading characters matched. */
    public static boolean constantTimeEquals(String expected, String candidate) {
        if (expected == null || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
