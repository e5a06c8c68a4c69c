package dev.gapwise.gap.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers in a published value, each with a label saying what it is: {@code headline} (the first
 * number), {@code mean}, {@code median}, {@code p5}/{@code p95} (a percentile or "90% range"),
 * {@code ci5}/{@code ci95} (a confidence interval), {@code separate}/{@code equal} (regression variants),
 * {@code weighted}, {@code second} (the number after "vs"), {@code low}/{@code high} (a plain range). Each
 * number keeps the decimals it was printed with, so it can be compared at its own rounding.
 *
 * @param numbers label → printed number, in the order they appear
 */
public record PublishedValue(Map<String, Printed> numbers) {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)");

    /**
     * One printed number.
     *
     * @param value    its value
     * @param decimals how many decimals it was printed with
     */
    public record Printed(double value, int decimals) {
    }

    /** Parses a value and its unit text. */
    public static PublishedValue parse(String value, String unit) {
        String text = value.strip();
        String lowerUnit = unit.toLowerCase(Locale.ROOT);
        Map<String, Printed> numbers = new LinkedHashMap<>();
        List<int[]> spans = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            // Skip "90%" in "90% CI" / "90% range": it names the interval, it is not a figure.
            String after = text.substring(matcher.end()).toLowerCase(Locale.ROOT);
            if (after.startsWith("% ci") || after.startsWith("% range") || after.startsWith("th")) {
                continue;
            }
            spans.add(new int[] {matcher.start(), matcher.end()});
            texts.add(matcher.group(1));
        }
        for (int i = 0; i < texts.size(); i++) {
            String before = text.substring(i == 0 ? 0 : spans.get(i - 1)[1], spans.get(i)[0]).toLowerCase(Locale.ROOT);
            String after = text.substring(spans.get(i)[1], i + 1 < texts.size() ? spans.get(i + 1)[0] : text.length())
                    .toLowerCase(Locale.ROOT);
            String label = label(i, before, after, lowerUnit, numbers);
            numbers.putIfAbsent(label, printed(texts.get(i)));
        }
        return new PublishedValue(numbers);
    }

    private static String label(int index, String before, String after, String unit, Map<String, Printed> seen) {
        if (before.contains("ci") || (before.endsWith("-") && seen.containsKey("ci5"))) {
            return seen.containsKey("ci5") ? "ci95" : "ci5";
        }
        if (before.contains("range") || (before.endsWith("-") && seen.containsKey("p5"))) {
            return seen.containsKey("p5") ? "p95" : "p5";
        }
        if (before.contains(" to ") && unit.contains("percentile")) {
            return "p95";
        }
        if (after.startsWith(" to ") && unit.contains("percentile")) {
            return "p5";
        }
        if (after.startsWith(" to ")) {
            return "low";
        }
        if (before.contains(" to ")) {
            return "high";
        }
        if (after.strip().startsWith("(mean") || after.contains("(mean")) {
            return "mean";
        }
        if (after.strip().startsWith("(median")) {
            return "median";
        }
        if (after.strip().startsWith("separate")) {
            return "separate";
        }
        if (after.strip().startsWith("equal")) {
            return "equal";
        }
        if (before.contains("weighted")) {
            return "weighted";
        }
        if (before.contains(" vs ")) {
            return "second";
        }
        return index == 0 || !seen.containsKey("headline") ? "headline" : "value" + index;
    }

    private static Printed printed(String text) {
        int dot = text.indexOf('.');
        return new Printed(Double.parseDouble(text), dot < 0 ? 0 : text.length() - dot - 1);
    }
}
