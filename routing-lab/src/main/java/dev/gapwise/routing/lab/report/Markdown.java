package dev.gapwise.routing.lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** A growing Markdown document with small helpers for tables and numbers. Not thread-safe. */
final class Markdown {
    private final StringBuilder text = new StringBuilder();

    Markdown line(String line) {
        text.append(line).append('\n');
        return this;
    }

    Markdown paragraph(String paragraph) {
        return line(paragraph).line("");
    }

    Markdown heading(int level, String title) {
        return line("#".repeat(level) + " " + title).line("");
    }

    Markdown table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        List<String> rule = new ArrayList<>();
        header.forEach(h -> rule.add("---"));
        line("|" + String.join("|", rule) + "|");
        rows.forEach(row -> line("| " + String.join(" | ", row) + " |"));
        return line("");
    }

    static String percent(OptionalDouble share) {
        return share.isPresent() ? percent(share.getAsDouble()) : "never";
    }

    static String percent(double share) {
        return String.format("%.1f %%", share * 100);
    }

    static String number(double value) {
        return String.format("%.3f", value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
