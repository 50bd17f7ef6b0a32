package io.sluice.management;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.management.ObjectName;

/**
 * What an operator may do over Jolokia: look, never change (ADR 0017). An operator reads attributes and
 * runs operations whose name says they only read — it starts with a reading verb ({@code listMessages},
 * {@code countMessages}, {@code browse}, {@code dumpRoutesAsXml}) and has no word that changes something
 * ({@code getAndReset}). Everything else — {@code removeMessages}, {@code deleteAddress}, {@code destroyQueue},
 * a Camel route's {@code remove} or {@code stop}, writing an attribute — is an admin's. An allow list by
 * name, not a deny list: an operation nobody thought of is an admin's until someone looks at it.
 */
public final class OperatorPolicy {

    /** First words of operations that only read, in Artemis', Camel's, the JVM's and Hawtio's MBeans. */
    static final Set<String> READING_VERBS = Set.of(
            "list", "browse", "count", "get", "is", "has", "can", "dump", "explain", "find", "query");

    /** Words that make an operation a change even after a reading verb ({@code getAndReset}). */
    static final Set<String> CHANGING_WORDS = Set.of(
            "remove", "delete", "destroy", "purge", "clear", "reset", "kill", "close", "stop", "shutdown",
            "drop", "move", "retry", "send", "pause", "resume", "suspend", "disable", "enable", "block",
            "unblock", "expire", "force", "update", "set", "create", "start", "restart", "reload", "add",
            "replay", "schedule", "evict", "flush", "copy", "write");

    /**
     * Domains whose operations reach into the JVM itself — heap dumps ({@code dumpHeap}), diagnostic
     * commands, flight recordings — whatever their names: an admin's. A heap dump holds every password.
     */
    static final Set<String> ADMIN_ONLY_DOMAINS = Set.of("com.sun.management", "jdk.management.jfr");

    /** Words in an attribute's name that mark a secret, which an operator does not read. */
    static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "secret", "credential", "credentials");

    private OperatorPolicy() {
    }

    /**
     * Whether an operator may run this operation of this MBean.
     *
     * @param operation as Jolokia passes it: a name, or a name with its signature ({@code removeMessages(java.lang.String)})
     */
    public static boolean mayRun(ObjectName mbean, String operation) {
        if (ADMIN_ONLY_DOMAINS.contains(mbean.getDomain())) {
            return false;
        }
        int signature = operation.indexOf('(');
        List<String> words = words(signature < 0 ? operation : operation.substring(0, signature));
        return !words.isEmpty() && READING_VERBS.contains(words.get(0))
                && words.stream().noneMatch(CHANGING_WORDS::contains);
    }

    /** Whether an operator may read this attribute of this MBean: anything but a secret. */
    public static boolean mayRead(ObjectName mbean, String attribute) {
        return attribute == null || words(attribute).stream().noneMatch(SECRET_WORDS::contains);
    }

    /** The camel-case words of a name, lower case: {@code getAndResetX} → get, and, reset, x. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean startsWord = Character.isUpperCase(c) && !word.isEmpty()
                    && (Character.isLowerCase(name.charAt(i - 1))
                        || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)));
            if (!Character.isLetterOrDigit(c) || startsWord) {
                addWord(words, word);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        addWord(words, word);
        return words;
    }

    private static void addWord(List<String> words, StringBuilder word) {
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }
}
