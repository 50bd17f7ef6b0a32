package io.sluice.accounts;

import java.util.Optional;

/**
 * Who the IM users are, as the message routes need to know it: whether a login names an account, and
 * which account a phone number belongs to. Backed by the accounts store on the core.
 */
public interface UserDirectory {

    /** Whether an account with this login exists (enabled or not: a disabled user's inbox still fills). */
    boolean exists(String login);

    /** The login of the account whose own handset this E.164 number is, if any. */
    Optional<String> loginOfPhone(String phone);
}
