package dev.gapwise.routing;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Price;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** A small catalog and explicit lags for routing tests: a frontier closed model, a cheap closed one, and open ones. */
public final class TestCatalog {
    private TestCatalog() {
    }

    public static Catalog catalog() {
        Dataset.Builder dataset = Dataset.builder(new DataSnapshot("test catalog", LocalDate.of(2026, 1, 1), "test"));
        dataset.model(model("frontier-x", Access.CLOSED, "US"));
        dataset.model(model("mini-x", Access.CLOSED, "US"));
        dataset.model(model("open-cn", Access.OPEN, "CN"));
        dataset.model(model("open-us", Access.OPEN, "US"));
        return new Catalog(List.of(dataset.build()), List.of(
                deployment("frontier-x@vendor", "frontier-x", "US", "2.50", "10.00"),
                deployment("mini-x@vendor", "mini-x", "US", "0.40", "1.60"),
                deployment("open-cn@maker", "open-cn", "CN", "0.28", "0.42"),
                deployment("open-cn@eu-host", "open-cn", "DE", "0.60", "1.20"),
                deployment("open-us@host", "open-us", "US", "0.20", "0.20")));
    }

    /** Months behind the frontier on "eci": frontier 0, mini 7, open-cn 4, open-us 14. */
    public static ModelLags lags() {
        return ModelLags.of("eci", "test values", "test snapshot",
                Map.of("frontier-x", 0.0, "mini-x", 7.0, "open-cn", 4.0, "open-us", 14.0));
    }

    private static Model model(String id, Access access, String country) {
        return Model.builder(id, id).organization("org").countries(List.of(country)).access(access)
                .releaseDate(LocalDate.of(2025, 6, 1)).source("test").build();
    }

    private static Deployment deployment(String id, String model, String jurisdiction, String in, String out) {
        return new Deployment(id, model, id.substring(id.indexOf('@') + 1), Dialect.OPENAI,
                URI.create("https://example.test/v1"), model, jurisdiction, Price.of(in, out), OptionalLong.of(128_000),
                LocalDate.of(2026, 1, 1), "test");
    }
}
