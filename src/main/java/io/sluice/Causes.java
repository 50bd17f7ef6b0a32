package io.sluice;

import java.util.Optional;

/** Looking down an exception's chain of causes, which Camel, Spring and the JMS client wrap several deep. */
public final class Causes {

    /** Deeper than any chain seen here; a chain that loops back on itself ends there. */
    private static final int MAX_DEPTH = 64;

    private Causes() {
    }

    /** The first of the failure and its causes that is of the given type. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** The last cause of the chain: the failure itself when it has none. */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
