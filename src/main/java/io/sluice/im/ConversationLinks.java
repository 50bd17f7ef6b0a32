package io.sluice.im;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Which IM user a phone number is talking to: the last user who wrote to it, or whom it addressed
 * with {@code @user}. Plain text from the phone continues that conversation. Kept in a small file
 * in the core's data directory so a restart does not orphan conversations; written only on change.
 */
public final class ConversationLinks {

    private final Path file;
    private final Properties links = new Properties();

    public ConversationLinks(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                links.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read conversation links from " + file, e);
            }
        }
    }

    public synchronized Optional<String> userFor(String phoneNumber) {
        return Optional.ofNullable(links.getProperty(phoneNumber));
    }

    public synchronized void link(String phoneNumber, String user) {
        if (user.equals(links.getProperty(phoneNumber))) {
            return;
        }
        links.setProperty(phoneNumber, user);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                links.store(writer, "phone number -> IM user of the ongoing conversation");
            }
            // Readers see the old file or the new one, never half of one.
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save conversation links to " + file, e);
        }
    }
}
