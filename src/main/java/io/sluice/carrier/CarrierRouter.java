package io.sluice.carrier;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Chooses the carrier for a phone number by the longest matching prefix. */
public final class CarrierRouter {

    /** prefix → carrier, longest prefixes first so the first match is the longest. */
    private final TreeMap<String, String> byPrefix = new TreeMap<>(
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    public CarrierRouter(Map<String, ? extends Iterable<String>> prefixesByCarrier) {
        prefixesByCarrier.forEach((carrier, prefixes) -> prefixes.forEach(prefix -> {
            String previous = byPrefix.put(prefix, carrier);
            if (previous != null && !previous.equals(carrier)) {
                throw new IllegalArgumentException("Prefix " + prefix + " is claimed by carriers " + previous
                        + " and " + carrier);
            }
        }));
    }

    public Optional<String> carrierFor(String e164) {
        return byPrefix.entrySet().stream()
                .filter(entry -> e164.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
