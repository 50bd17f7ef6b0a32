package io.sluice.core;

/**
 * E.164 numbers as Sluice carries them: '+', a country code that does not start with 0, and at
 * most 15 digits in all (ITU-T E.164 section 6.1). Short codes such as a service number are not
 * phone numbers in this sense.
 */
public final class PhoneNumber {

    public static final String PATTERN = "\\+[1-9][0-9]{5,14}";

    private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

    private PhoneNumber() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && COMPILED.matcher(candidate).matches();
    }

    /** A recipient that is clearly meant as a number (leading '+' or digit), valid or not. */
    public static boolean looksLikeNumber(String candidate) {
        return candidate != null && !candidate.isEmpty()
                && (candidate.charAt(0) == '+' || Character.isDigit(candidate.charAt(0)));
    }
}
