package io.sluice.accounts.web;

import java.net.URI;
import java.util.List;

import io.sluice.accounts.Account;
import io.sluice.accounts.Accounts;
import io.sluice.accounts.NewAccount;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of the core's accounts, under {@code /api/admin/users} (README "Accounts"). Every call
 * needs the admin token ({@link AdminTokenFilter}); refusals are {@code ApiError}s ({@link AdminApiErrors}).
 */
@RestController
@Profile("core")
@RequestMapping(path = AdminUsersController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminUsersController {

    public static final String PATH = "/api/admin/users";

    /** Body of a create: {@code phone} and {@code displayName} are optional. */
    public record CreateUser(String login, String password, String phone, String displayName) {
        @Override
        public String toString() {
            return "CreateUser[login=" + login + "]"; // never the password, should a request be logged
        }
    }

    /** Body of a link: the E.164 number that becomes the account's handset. */
    public record LinkPhone(String phone) {
    }

    private final Accounts accounts;

    public AdminUsersController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Account> create(@RequestBody CreateUser body) {
        Account created = accounts.create(new NewAccount(body.login(), body.password(), body.phone(), body.displayName()));
        return ResponseEntity.created(URI.create(PATH + "/" + created.login())).body(created);
    }

    @GetMapping
    public List<Account> list() {
        return accounts.list();
    }

    @GetMapping("/{login}")
    public Account get(@PathVariable String login) {
        return accounts.get(login);
    }

    /** The user can no longer log in, and their open connections are closed; their inbox is kept. */
    @PostMapping("/{login}/disable")
    public Account disable(@PathVariable String login) {
        return accounts.disable(login);
    }

    @PostMapping("/{login}/enable")
    public Account enable(@PathVariable String login) {
        return accounts.enable(login);
    }

    @PutMapping(path = "/{login}/phone", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Account linkPhone(@PathVariable String login, @RequestBody LinkPhone body) {
        return accounts.linkPhone(login, body.phone());
    }

    @DeleteMapping("/{login}/phone")
    public Account unlinkPhone(@PathVariable String login) {
        return accounts.unlinkPhone(login);
    }
}
