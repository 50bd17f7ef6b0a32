package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart as SVG text: categories along x, a logarithmic y axis, one line per series
 * through the medians with a bar for the min–max range of the runs. Written by the benchmark itself
 * so the report needs no plotting tool.
 */
final class SvgChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 180;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e"};

    record Series(String name, List<Spread> points) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();

    SvgChart(String title, String xLabel, String yLabel, List<String> categories) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.categories = categories;
    }

    SvgChart add(String name, List<Spread> points) {
        series.add(new Series(name, points));
        return this;
    }

    String render() {
        double[] range = decades();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(text(WIDTH / 2.0 - RIGHT / 2.0, 22, title, "middle", "font-size=\"14\" font-weight=\"bold\""));
        axes(svg, range);
        for (int s = 0; s < series.size(); s++) {
            plot(svg, series.get(s), COLOURS[s % COLOURS.length], range, s);
        }
        return svg.append("</svg>\n").toString();
    }

    private void axes(StringBuilder svg, double[] range) {
        double plotRight = WIDTH - RIGHT;
        double plotBottom = HEIGHT - BOTTOM;
        for (double decade = range[0]; decade <= range[1]; decade++) {
            double y = y(Math.pow(10, decade), range);
            svg.append(line(LEFT, y, plotRight, y, "#dddddd"));
            svg.append(text(LEFT - 6, y + 4, number(Math.pow(10, decade)), "end", ""));
        }
        svg.append(line(LEFT, TOP, LEFT, plotBottom, "black")).append(line(LEFT, plotBottom, plotRight, plotBottom,
                "black"));
        for (int c = 0; c < categories.size(); c++) {
            svg.append(text(x(c), plotBottom + 18, categories.get(c), "middle", ""));
        }
        svg.append(text((LEFT + plotRight) / 2, HEIGHT - 12, xLabel, "middle", ""));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                (TOP + plotBottom) / 2, (TOP + plotBottom) / 2, escape(yLabel)));
    }

    private void plot(StringBuilder svg, Series one, String colour, double[] range, int index) {
        StringBuilder path = new StringBuilder();
        for (int c = 0; c < one.points().size() && c < categories.size(); c++) {
            Spread point = one.points().get(c);
            if (!point.measured() || point.median() <= 0) {
                continue;
            }
            double x = x(c);
            path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x,
                    y(point.median(), range)));
            svg.append(line(x, y(point.min(), range), x, y(point.max(), range), colour));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", x,
                    y(point.median(), range), colour));
        }
        svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                path, colour));
        double legendY = TOP + 10 + index * 20;
        svg.append(line(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 35, legendY, colour));
        svg.append(text(WIDTH - RIGHT + 40, legendY + 4, one.name(), "start", ""));
    }

    /** The powers of ten that enclose every value, as exponents. */
    private double[] decades() {
        double low = Double.MAX_VALUE;
        double high = 0;
        for (Series one : series) {
            for (Spread point : one.points()) {
                if (point.measured() && point.min() > 0) {
                    low = Math.min(low, point.min());
                    high = Math.max(high, point.max());
                }
            }
        }
        if (high == 0) {
            return new double[] {0, 1};
        }
        double from = Math.floor(Math.log10(low));
        double to = Math.max(from + 1, Math.ceil(Math.log10(high)));
        return new double[] {from, to};
    }

    private double x(int category) {
        double span = WIDTH - RIGHT - LEFT;
        return LEFT + span * (category + 0.5) / categories.size();
    }

    private static double y(double value, double[] range) {
        double span = HEIGHT - BOTTOM - TOP;
        double fraction = (Math.log10(value) - range[0]) / (range[1] - range[0]);
        return HEIGHT - BOTTOM - span * fraction;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String content, String anchor, String extra) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y, anchor,
                extra, escape(content));
    }

    private static String number(double value) {
        return value >= 1 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%s", value);
    }

    private static String escape(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
