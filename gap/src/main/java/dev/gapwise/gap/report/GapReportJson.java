package dev.gapwise.gap.report;

import dev.gapwise.gap.Observation;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagOverTime;
import dev.gapwise.gap.method.LagResult;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Writes a {@link GapReport} as JSON: the same facts as the table, every number with its method and snapshot. */
public final class GapReportJson {
    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private GapReportJson() {
    }

    /** The report as of today. */
    public static String render(GapReport report) {
        return render(report, java.time.LocalDate.now());
    }

    /** The report, with the age of its newest score counted to {@code today}. */
    public static String render(GapReport report, java.time.LocalDate today) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("headlines", report.sections().stream().map(s -> Headline.of(report, s)).toList());
        root.put("benchmark", Map.of("id", report.benchmark().id(), "name", report.benchmark().displayName(),
                "scale", report.benchmark().scale().name().toLowerCase(java.util.Locale.ROOT)));
        root.put("snapshot", snapshot(report));
        root.put("scores_as_of", report.series().asOf().toString());
        root.put("newest_score_age_days", java.time.temporal.ChronoUnit.DAYS.between(report.series().asOf(), today));
        root.put("dated_scores", report.series().observations().size());
        root.put("undated_scores", report.series().undated());
        List<Object> sections = new ArrayList<>();
        for (GapReport.Section section : report.sections()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("comparison", section.comparison().id());
            out.put("headline", Headline.of(report, section));
            out.put("leader", Map.of("label", section.comparison().leader().label(),
                    "filter", section.comparison().leader().expression(), "models", section.leaderModels()));
            out.put("follower", Map.of("label", section.comparison().follower().label(),
                    "filter", section.comparison().follower().expression(), "models", section.followerModels()));
            section.currentGap().ifPresent(gap -> out.put("frontier_gap", Map.of("date", gap.date().toString(),
                    "points", gap.points(), "percent", gap.percent(), "leader_model", gap.leaderTop().name(),
                    "leader_score", gap.leaderTop().score(), "follower_model", gap.followerTop().name(),
                    "follower_score", gap.followerTop().score())));
            out.put("lags", section.lags().stream().map(GapReportJson::lag).toList());
            out.put("trend", section.trend().stream().map(GapReportJson::window).toList());
            sections.add(out);
        }
        root.put("sections", sections);
        return MAPPER.writeValueAsString(root);
    }

    static Map<String, Object> snapshot(GapReport report) {
        return Map.of("name", report.snapshot().name(), "date", report.snapshot().date().toString(),
                "origin", report.snapshot().origin());
    }

    static Map<String, Object> lag(LagResult lag) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", lag.method().id());
        out.put("method_letter", lag.method().letter());
        out.put("method_title", lag.method().title());
        out.put("months", number(lag.months()));
        out.put("statistic", lag.statistic());
        out.put("parameters", lag.parameters());
        lag.summary().ifPresent(s -> out.put("summary", Map.of("count", s.count(), "mean", s.mean(),
                "median", s.median(), "min", s.min(), "max", s.max(), "p5", s.p5(), "p95", s.p95())));
        out.put("spread", Format.spread(lag));
        out.put("events", lag.events().stream().map(GapReportJson::event).toList());
        if (!lag.curve().isEmpty()) {
            out.put("curve_points", lag.curve().size());
        }
        out.put("extra", lag.extra());
        out.put("notes", lag.notes());
        return out;
    }

    private static Map<String, Object> event(LagEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leader", observation(event.leader()));
        out.put("follower", observation(event.follower()));
        out.put("months", event.months());
        event.level().ifPresent(level -> out.put("level", level));
        return out;
    }

    private static Map<String, Object> observation(Observation observation) {
        return Map.of("model", observation.name(), "date", observation.date().toString(), "score", observation.value());
    }

    private static Map<String, Object> window(LagOverTime.Window window) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", window.label());
        out.put("from", window.from().toString());
        out.put("to", window.to().toString());
        out.put("months", number(window.months()));
        window.result().summary().ifPresent(s -> {
            out.put("min", s.min());
            out.put("max", s.max());
        });
        return out;
    }

    private static Object number(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
