package io.sluice.im;

import java.util.List;

/** The buddy lists presence needs to read (kept by the accounts store). Parties: logins and E.164 numbers. */
public interface BuddyLists {

    /** {@code owner}'s buddies, sorted. */
    List<String> of(String owner);

    /** Whose lists {@code party} is on: those to tell when {@code party} comes or goes. */
    List<String> watchersOf(String party);
}
