package io.sluice.credentials;

/**
 * A credential setting a site cannot start with: missing, too weak, or a value everybody knows.
 *
 * @param setting the key, as in the README's configuration table ({@code sluice.edge.smsc.password})
 * @param reason  what is wrong with it, never its value
 */
public record CredentialProblem(String setting, String reason) {

    @Override
    public String toString() {
        return setting + ": " + reason;
    }
}
