package io.sluice.accounts.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Accounts as the admin API answers them (JSON), as lines for a terminal. */
final class AccountText {

    private static final String FORMAT = "%-32s %-8s %-16s %s";

    private AccountText() {
    }

    /** One account: {@code alice (enabled, +447700900001)}. */
    static String line(JsonNode account) {
        String phone = account.path("phone").isTextual() ? ", " + account.path("phone").asText() : "";
        return account.path("login").asText() + " (" + state(account) + phone + ")";
    }

    static String table(JsonNode accounts) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(FORMAT, "LOGIN", "STATE", "PHONE", "CREATED").stripTrailing());
        for (JsonNode account : accounts) {
            lines.add(String.format(FORMAT, account.path("login").asText(), state(account),
                    account.path("phone").isTextual() ? account.path("phone").asText() : "-",
                    account.path("createdAt").asText()).stripTrailing());
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String state(JsonNode account) {
        return account.path("enabled").asBoolean() ? "enabled" : "disabled";
    }
}
