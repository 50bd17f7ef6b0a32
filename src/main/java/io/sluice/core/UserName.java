package io.sluice.core;

import java.util.regex.Matcher;

/** IM user names: what a recipient header must look like to name a user rather than a phone. */
public final class UserName {

    /** Lower-case letter first; then letters, digits, '.', '_' or '-'; at most 32 characters. */
    public static final String PATTERN = "[a-z][a-z0-9._-]{0,31}";

    private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

    private UserName() {
    }

    public static boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        Matcher matcher = COMPILED.matcher(candidate);
        return matcher.matches();
    }
}
