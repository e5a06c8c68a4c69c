package dev.gapwise.ui.page;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gap.analysis.GapAnalysis;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.analysis.GapRequest;
import dev.gapwise.gap.matrix.QuadrantMatrix;

import java.util.Optional;

/**
 * The gap module's figures for the default request of {@code gapwise gap} (ECI, open vs closed and China vs US,
 * methods a–f) and the 2×2 matrix on the same series, computed once on first use: the catalog does not change
 * while the gateway runs. Thread-safe.
 */
public final class GapFigures {
    /** The report and matrix, or why there are none. */
    public sealed interface Result {
        record Ready(GapReport report, QuadrantMatrix.Report matrix) implements Result {
        }

        record Unanswerable(String why) implements Result {
        }
    }

    private final Catalog catalog;
    private volatile Result result;
    private volatile dev.gapwise.routing.ModelLags lags;

    public GapFigures(Catalog catalog) {
        this.catalog = catalog;
    }

    public Result get() {
        Result current = result;
        if (current == null) {
            synchronized (this) {
                current = result;
                if (current == null) {
                    current = compute();
                    result = current;
                }
            }
        }
        return current;
    }

    /** Each model's lag behind the frontier as the gateway's routing computes it (once; the catalog is fixed). */
    public dev.gapwise.routing.ModelLags lags() {
        dev.gapwise.routing.ModelLags current = lags;
        if (current == null) {
            current = catalog.datasets().isEmpty() ? dev.gapwise.routing.ModelLags.none()
                    : dev.gapwise.routing.FrontierLags.of(catalog);
            lags = current;
        }
        return current;
    }

    private Result compute() {
        try {
            GapReport report = GapAnalysis.run(catalog, GapRequest.defaults());
            return new Result.Ready(report, QuadrantMatrix.run(report.series()));
        } catch (GapAnalysis.UnanswerableException | java.util.NoSuchElementException e) {
            return new Result.Unanswerable(Optional.ofNullable(e.getMessage()).orElse("the catalog has no ECI scores"));
        }
    }
}
