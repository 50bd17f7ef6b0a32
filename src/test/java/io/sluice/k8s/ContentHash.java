package io.sluice.k8s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The name suffix kustomize gives a generated ConfigMap or Secret (its {@code hasher} package): the
 * SHA-256 of the object's kind, (type) and data as Go's {@code json.Marshal} writes them
 * (keys sorted, {@code < > &} escaped), first ten hex digits, with 0 1 3 a e spelled g h k m t so the
 * suffix never reads as a number or a word.
 */
final class ContentHash {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentHash() {
    }

    static String of(ObjectNode body) {
        Map<String, Object> encoded = new TreeMap<>();
        encoded.put("kind", body.path("kind").asText());
        // kustomize 5 hashes with an empty name (checked against kubectl kustomize 5.5.0): the same
        // data under an overlay's suffix gets the same hash.
        encoded.put("name", "");
        encoded.put("data", new TreeMap<>(JSON.convertValue(body.path("data"), Map.class)));
        if (body.has("type")) {
            encoded.put("type", body.path("type").asText());
        }
        try {
            String json = goHtmlSafe(JSON.writeValueAsString(encoded));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return spell(HexFormat.of().formatHex(digest).substring(0, 10));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // Go's encoder escapes these three inside strings; they occur nowhere else in the JSON.
    private static String goHtmlSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String spell(String hex) {
        StringBuilder out = new StringBuilder(hex.length());
        for (char c : hex.toCharArray()) {
            out.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }
}
