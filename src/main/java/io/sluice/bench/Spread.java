package io.sluice.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A figure measured in repeated runs: its median and the range (min–max) of the runs. Shared machines
 * are noisy; the median is the figure, the range shows how far to trust it.
 */
record Spread(double median, double min, double max, int runs) {

    static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

    static Spread of(List<Double> values) {
        double[] sorted = values.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).sorted()
                .toArray();
        if (sorted.length == 0) {
            return NONE;
        }
        return new Spread(median(sorted), sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The value at quantile {@code q} (0..1) of these samples, nearest rank. */
    static double quantile(long[] samples, double q) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    boolean measured() {
        return runs > 0;
    }

    /** {@code "12.3 (11.9–12.8)"} with this many decimals; {@code "—"} when nothing was measured. */
    String format(int decimals) {
        if (!measured()) {
            return "—";
        }
        String pattern = "%." + decimals + "f";
        String median = String.format(Locale.ROOT, pattern, this.median);
        if (runs == 1) {
            return median + " (1 run)";
        }
        return median + " (" + String.format(Locale.ROOT, pattern, min) + "–" + String.format(Locale.ROOT, pattern, max)
                + ")";
    }
}
