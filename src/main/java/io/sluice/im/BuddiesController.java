package io.sluice.im;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.sluice.accounts.AccountException;
import io.sluice.accounts.Accounts;
import io.sluice.accounts.Buddies;
import io.sluice.web.ApiError;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An IM user's buddy list over REST, for scripts (ADR 0008): {@code GET /api/buddies},
 * {@code PUT /api/buddies/{buddy}}, {@code DELETE /api/buddies/{buddy}}, with HTTP Basic
 * authentication of the user (the same login and password as STOMP). Changes reach the user's
 * presence feed as they do from STOMP.
 */
@RestController
@Profile("core")
@RequestMapping("/api/buddies")
public class BuddiesController {

    /** One buddy with their presence now. */
    public record BuddyView(String party, String presence) {
    }

    private final Accounts accounts;
    private final Buddies buddies;
    private final Presence presence;

    public BuddiesController(Accounts accounts, Buddies buddies, Presence presence) {
        this.accounts = accounts;
        this.buddies = buddies;
        this.presence = presence;
    }

    @GetMapping
    public ResponseEntity<?> list(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return asUser(authorization, owner -> ResponseEntity.ok(viewOf(owner)));
    }

    @PutMapping("/{buddy}")
    public ResponseEntity<?> add(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                 @PathVariable String buddy) {
        return asUser(authorization, owner -> {
            buddies.add(owner, buddy);
            presence.listChanged(owner);
            return ResponseEntity.ok(viewOf(owner));
        });
    }

    @DeleteMapping("/{buddy}")
    public ResponseEntity<?> remove(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                    @PathVariable String buddy) {
        return asUser(authorization, owner -> {
            buddies.remove(owner, buddy);
            presence.listChanged(owner);
            return ResponseEntity.ok(viewOf(owner));
        });
    }

    private List<BuddyView> viewOf(String owner) {
        return buddies.of(owner).stream().map(party -> new BuddyView(party, presence.stateOf(party).code())).toList();
    }

    private ResponseEntity<?> asUser(String authorization, java.util.function.Function<String, ResponseEntity<?>> action) {
        Optional<String> user = authenticated(authorization);
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"sluice\"")
                    .body(new ApiError("unauthorized", "log in with your Sluice user name and password (HTTP Basic)"));
        }
        try {
            return action.apply(user.get());
        } catch (AccountException refused) {
            HttpStatus status = refused.problem().kind() == io.sluice.accounts.AccountProblem.Kind.NOT_FOUND
                    ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
            return ResponseEntity.status(status).body(new ApiError(refused.problem().code(), refused.getMessage()));
        }
    }

    private Optional<String> authenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String login = decoded.substring(0, colon);
        return accounts.authenticates(login, decoded.substring(colon + 1)) ? Optional.of(login) : Optional.empty();
    }
}
