package io.sluice.sms.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a text is cut into SMS parts: the one computation behind both the counts a user sees
 * ({@link SmsLength}) and the parts sent ({@link SmsSplitter}), so the two never disagree.
 *
 * <p>A part ends early rather than cut an indivisible piece: the escape septet of a GSM extension
 * character stays with its code, and the two halves of a UTF-16 surrogate pair stay together. A
 * handset that shows a part before the rest arrives, or an SMSC that converts each part on its own,
 * would otherwise show a wrong character or U+FFFD; the cost is at most one unused unit in that part.
 */
record Segmentation(SmsEncoding encoding, int[] starts, int[] units, int textLength) {

    static Segmentation of(CharSequence text, SmsEncoding encoding) {
        int total = 0;
        for (int i = 0; i < text.length(); i += encoding.charsAt(text, i)) {
            total += units(text, i, encoding);
        }
        if (total <= encoding.singlePartUnits()) {
            return new Segmentation(encoding, new int[] {0}, new int[] {total}, text.length());
        }
        int capacity = encoding.concatenatedPartUnits();
        List<Integer> starts = new ArrayList<>();
        List<Integer> units = new ArrayList<>();
        starts.add(0);
        int used = 0;
        for (int i = 0; i < text.length(); i += encoding.charsAt(text, i)) {
            int cost = units(text, i, encoding);
            if (used + cost > capacity) {
                units.add(used);
                starts.add(i);
                used = 0;
            }
            used += cost;
        }
        units.add(used);
        return new Segmentation(encoding,
                starts.stream().mapToInt(Integer::intValue).toArray(),
                units.stream().mapToInt(Integer::intValue).toArray(),
                text.length());
    }

    private static int units(CharSequence text, int index, SmsEncoding encoding) {
        int cost = encoding.unitsAt(text, index);
        if (cost == 0) {
            throw new IllegalArgumentException(String.format(
                    "U+%04X at index %d cannot be sent in %s", (int) text.charAt(index), index, encoding));
        }
        return cost;
    }

    int parts() {
        return starts.length;
    }

    int totalUnits() {
        int total = 0;
        for (int u : units) {
            total += u;
        }
        return total;
    }

    /** Capacity of the last part less what it uses: what the user may still type in this part. */
    int unitsLeftInLastPart() {
        int capacity = parts() == 1 ? encoding.singlePartUnits() : encoding.concatenatedPartUnits();
        return capacity - units[units.length - 1];
    }

    /** Char index range [start, end) of part {@code index} (0-based). */
    int start(int index) {
        return starts[index];
    }

    int end(int index) {
        return index + 1 < starts.length ? starts[index + 1] : textLength;
    }
}
