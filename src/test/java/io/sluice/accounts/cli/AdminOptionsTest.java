package io.sluice.accounts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

/** The admin role's command line: what it accepts and how it names what it does not. */
class AdminOptionsTest {

    @Test
    void createTakesTheLoginAndOptionalNumberAndName() {
        AdminOptions options = parse("--sluice.role=admin", "users", "create", "alice", "--password=alice-pw",
                "--phone=+447700900001", "--display-name=Alice A.");

        assertThat(options.action()).isEqualTo(AdminOptions.Action.CREATE);
        assertThat(options.login()).isEqualTo("alice");
        assertThat(options.password()).isEqualTo("alice-pw");
        assertThat(options.phone()).isEqualTo("+447700900001");
        assertThat(options.displayName()).isEqualTo("Alice A.");
        assertThat(options.coreUrl()).isEqualTo(URI.create("http://localhost:8080/"));
        assertThat(options.token()).isEqualTo("t0ken");
        assertThat(options.toString()).doesNotContain("alice-pw").doesNotContain("t0ken");
    }

    @Test
    void withoutPasswordOptionCreateReadsStandardInput() {
        AdminOptions options = AdminOptions.from(new DefaultApplicationArguments("users", "create", "bob"), "t0ken",
                () -> "from-stdin");

        assertThat(options.password()).isEqualTo("from-stdin");
    }

    @Test
    void linkTakesTheNumberAsSecondArgument() {
        AdminOptions options = parse("--core-url=https://core.example:8443", "users", "link", "bob", "+447700900002");

        assertThat(options.action()).isEqualTo(AdminOptions.Action.LINK);
        assertThat(options.phone()).isEqualTo("+447700900002");
        assertThat(options.coreUrl()).isEqualTo(URI.create("https://core.example:8443/"));
    }

    @Test
    void malformedCommandLinesAreNamed() {
        assertThatThrownBy(() -> parse()).hasMessage("what should be done?");
        assertThatThrownBy(() -> parse("groups", "list")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> parse("users", "delete", "bob")).hasMessage("unknown action 'delete'");
        assertThatThrownBy(() -> parse("users", "disable")).hasMessage("users disable takes 1 argument(s)");
        assertThatThrownBy(() -> parse("users", "link", "bob")).hasMessage("users link takes 2 argument(s)");
        assertThatThrownBy(() -> parse("users", "list", "--force")).hasMessage("unknown option --force");
        assertThatThrownBy(() -> parse("--core-url=ftp://x", "users", "list")).hasMessageContaining("--core-url");
    }

    private static AdminOptions parse(String... arguments) {
        return AdminOptions.from(new DefaultApplicationArguments(arguments), "t0ken", () -> {
            throw new AssertionError("standard input is not read unless create lacks --password");
        });
    }
}
