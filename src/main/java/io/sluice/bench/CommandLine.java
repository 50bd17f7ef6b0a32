package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;

/** The command line of this process as the report records it (a long class path shortened). */
final class CommandLine {

    private static final int LONGEST_ARGUMENT = 200;

    private CommandLine() {
    }

    static String ofThisProcess() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> words = new ArrayList<>();
        words.add(info.command().map(CommandLine::programName).orElse("java"));
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i < arguments.length; i++) {
            boolean classPath = i > 0 && (arguments[i - 1].equals("-cp") || arguments[i - 1].equals("-classpath"));
            words.add(classPath && arguments[i].length() > LONGEST_ARGUMENT ? "<class path>" : arguments[i]);
        }
        return String.join(" ", words);
    }

    /** {@code java} rather than {@code /usr/lib/jvm/.../bin/java}: the JDK is recorded separately. */
    private static String programName(String command) {
        return command.substring(command.lastIndexOf('/') + 1);
    }
}
