package dev.gapwise.gap.report;

import dev.gapwise.gap.Freshness;
import dev.gapwise.gap.compare.ModelComparison;
import dev.gapwise.gap.compare.PooledLag;
import dev.gapwise.gap.compare.RankGap;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the model-vs-model, rank-gap and pooled comparisons as text or JSON, each with its data and its age. */
public final class ComparisonReports {
    private ComparisonReports() {
    }

    public static String text(ModelComparison comparison) {
        StringBuilder out = new StringBuilder(comparison.describe()).append('\n');
        out.append("Benchmark: ").append(comparison.benchmark().displayName()).append(" (")
                .append(comparison.benchmark().id()).append("); data: ").append(comparison.dataset()).append('\n');
        out.append("Measured on: ").append(comparison.leaderScore().version()).append(" and ")
                .append(comparison.followerScore().version()).append("; tolerance ").append(comparison.tolerance())
                .append(" on the comparison scale").append(comparison.notSignificantlyDifferent().isEmpty()
                        ? "; the data states no standard errors, so significance is not judged" : "").append('\n');
        return out.toString();
    }

    public static String json(ModelComparison comparison) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "model-vs-model");
        root.put("summary", comparison.describe());
        root.put("benchmark", comparison.benchmark().id());
        root.put("data", comparison.dataset());
        root.put("leader", model(comparison.leader().name(), comparison.leader().releaseDate().orElseThrow(),
                comparison.leaderScore().value(), comparison.leaderScore().version()));
        root.put("follower", model(comparison.follower().name(), comparison.follower().releaseDate().orElseThrow(),
                comparison.followerScore().value(), comparison.followerScore().version()));
        root.put("tolerance", comparison.tolerance());
        root.put("reached", comparison.reached());
        root.put("not_significantly_different", comparison.notSignificantlyDifferent().orElse(null));
        root.put("months", comparison.months().isPresent() ? comparison.months().getAsDouble() : null);
        return GapReportJson.MAPPER.writeValueAsString(root);
    }

    public static String text(RankGap gap, LocalDate today) {
        return String.format(Locale.ROOT, "Top vs #%d over all %d rated models of the %s snapshot of %s: %s %.2f vs"
                        + " %s %.2f = %.2f points, %.2f%% ((top − #%d) / #%d × 100)%nRatings: %s; data: %s; %s%n",
                gap.k(), gap.board().entries().size(), gap.board().board(), gap.board().date(), gap.top().name(),
                gap.topRating(), gap.kth().name(), gap.kthRating(), gap.points(), gap.percent(), gap.k(), gap.k(),
                gap.choice(), gap.dataset().snapshot().label(), Freshness.line(gap.board().date(), today));
    }

    public static String json(RankGap gap) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "rank-gap");
        root.put("board", gap.board().board());
        root.put("snapshot_date", gap.board().date().toString());
        root.put("rating_kind", gap.board().ratingKind());
        root.put("choice", gap.choice());
        root.put("models_rated", gap.board().entries().size());
        root.put("k", gap.k());
        root.put("top", Map.of("model", gap.top().name(), "rating", gap.topRating()));
        root.put("kth", Map.of("model", gap.kth().name(), "rating", gap.kthRating()));
        root.put("points", gap.points());
        root.put("percent", gap.percent());
        root.put("data", gap.dataset().snapshot().label());
        return GapReportJson.MAPPER.writeValueAsString(root);
    }

    public static String text(PooledLag pooled, PooledLag.Statistic statistic, LocalDate today) {
        StringBuilder out = new StringBuilder();
        pooled.summary().ifPresentOrElse(summary -> out.append(String.format(Locale.ROOT,
                "%s trails %s by %.1f months (%s of %d %s lags pooled over %d benchmarks, %s; median %.1f, 5th-95th"
                        + " percentile %.1f to %.1f)%n", pooled.comparison().follower().label(),
                pooled.comparison().leader().label(), statistic.of(summary), statistic.label(), summary.count(),
                pooled.unit(), pooled.results().size(), pooled.method().title(), summary.median(), summary.p5(),
                summary.p95())), () -> out.append("No benchmark of the list gave a ").append(pooled.method().title())
                .append(" result\n"));
        TextTable table = new TextTable("benchmark", "data", "lag", "statistic", "values pooled");
        LocalDate newest = LocalDate.MIN;
        for (LagResult result : pooled.results()) {
            table.row(result.benchmark().id(), result.snapshot().label(), Format.months(result.months()),
                    result.statistic(), pooled.unit().equals("benchmark") ? (result.hasResult() ? 1 : 0)
                            : result.events().size());
            newest = result.snapshot().date().isAfter(newest) ? result.snapshot().date() : newest;
        }
        out.append(table.render("  "));
        for (LagResult result : pooled.results()) {
            result.notes().forEach(note -> out.append("  note ").append(result.benchmark().id()).append(": ")
                    .append(note).append('\n'));
        }
        if (!newest.equals(LocalDate.MIN)) {
            out.append(Freshness.line(newest, today)).append('\n');
        }
        return out.toString();
    }

    public static String json(PooledLag pooled, PooledLag.Statistic statistic) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "pooled");
        root.put("method", pooled.method().id());
        root.put("comparison", pooled.comparison().id());
        root.put("statistic", statistic.label());
        pooled.summary().ifPresent(summary -> {
            root.put("months", statistic.of(summary));
            root.put("summary", summary(summary));
        });
        root.put("unit", pooled.unit());
        root.put("pooled", pooled.pooled());
        List<Object> benchmarks = new ArrayList<>();
        for (LagResult result : pooled.results()) {
            benchmarks.add(GapReportJson.lag(result));
        }
        root.put("benchmarks", benchmarks);
        return GapReportJson.MAPPER.writeValueAsString(root);
    }

    private static Map<String, Object> model(String name, LocalDate date, double score, String version) {
        return Map.of("model", name, "released", date.toString(), "score", score, "measured_version", version);
    }

    private static Map<String, Object> summary(Summary s) {
        return Map.of("count", s.count(), "mean", s.mean(), "median", s.median(), "p5", s.p5(), "p95", s.p95());
    }
}
