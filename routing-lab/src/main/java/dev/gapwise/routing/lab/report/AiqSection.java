package dev.gapwise.routing.lab.report;

import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;
import dev.gapwise.routing.lab.data.OutcomeRow;
import dev.gapwise.routing.lab.data.OutcomeTable;
import dev.gapwise.routing.lab.data.Split;
import dev.gapwise.routing.lab.eval.Aiq;
import dev.gapwise.routing.lab.quality.ManyModelRouter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * AIQ on MMLU-Pro for the models that have a list price in {@code model_prices_reference.csv} (mapping in
 * {@code mmlupro-prices.csv}). Cost per prompt = (question chars / 4 × input price + output chars / 4 × output
 * price) / 10⁶ USD.
 */
final class AiqSection {
    private AiqSection() {
    }

    static void write(Markdown out, OutcomeTable mmluPro, Path dataDir, Consumer<String> progress) {
        progress.accept("AIQ: many-model routing on MMLU-Pro with list prices");
        Map<String, double[]> prices = prices(dataDir);
        List<String> names = new ArrayList<>(prices.keySet());
        int[] indices = names.stream().mapToInt(mmluPro::modelIndex).toArray();
        List<OutcomeRow> rows = mmluPro.rows().stream().filter(r -> {
            for (int m : indices) {
                if (Double.isNaN(r.score(m)) || Double.isNaN(r.cost(m))) {
                    return false;
                }
            }
            return true;
        }).toList();
        List<OutcomeRow> train = rows.stream().filter(r -> r.split() == Split.TRAIN).toList();
        List<OutcomeRow> test = rows.stream().filter(r -> r.split() == Split.TEST).toList();
        double[][] trainCost = costs(train, indices, names, prices);
        double[][] testCost = costs(test, indices, names, prices);
        ManyModelRouter learned = ManyModelRouter.train(train, indices, trainCost);

        List<Aiq.Point> singles = new ArrayList<>();
        List<List<String>> singleRows = new ArrayList<>();
        for (int m = 0; m < indices.length; m++) {
            double cost = 0;
            double quality = 0;
            for (int i = 0; i < test.size(); i++) {
                cost += testCost[i][m];
                quality += test.get(i).score(indices[m]);
            }
            singles.add(new Aiq.Point(cost / test.size(), quality / test.size()));
            singleRows.add(List.of(names.get(m), String.format("$%.6f", cost / test.size()),
                    Markdown.number(quality / test.size())));
        }
        double from = singles.stream().mapToDouble(Aiq.Point::cost).min().orElseThrow();
        double to = singles.stream().mapToDouble(Aiq.Point::cost).max().orElseThrow();
        List<double[]> priorEstimates = priorEstimates(train, test, indices);
        List<List<String>> rowsOut = new ArrayList<>();
        rowsOut.add(List.of("best single-model mix (hull of the single models)", Markdown.number(Aiq.of(singles, from, to))));
        rowsOut.add(List.of("per-src accuracy prior, price-weighted", Markdown.number(Aiq.of(
                ManyModelRouter.sweep(priorEstimates, test, indices, testCost, learned.meanCost()), from, to))));
        rowsOut.add(List.of("learned P(correct) per model, price-weighted", Markdown.number(Aiq.of(
                learned.sweep(test, indices, testCost), from, to))));
        rowsOut.add(List.of("oracle (cheapest correct model)", Markdown.number(Aiq.of(List.of(oracle(test, indices,
                testCost)), from, to))));
        out.heading(2, "4. Many models with prices (AIQ, MMLU-Pro)");
        out.paragraph(String.format("%d priced models, %d test prompts (train %d). Prices are list prices as recorded "
                + "in `model_prices_reference.csv`; input tokens are estimated from the question alone (the real "
                + "5-shot prompt is longer, which would raise every cost alike).", names.size(), test.size(), train.size()));
        out.table(List.of("model", "mean cost per prompt", "accuracy (test)"), singleRows);
        out.table(List.of("router", "AIQ"), rowsOut);
    }

    private static Aiq.Point oracle(List<OutcomeRow> test, int[] indices, double[][] costs) {
        double cost = 0;
        double quality = 0;
        for (int i = 0; i < test.size(); i++) {
            int best = -1;
            int cheapest = 0;
            for (int m = 0; m < indices.length; m++) {
                if (costs[i][m] < costs[i][cheapest]) {
                    cheapest = m;
                }
                if (test.get(i).score(indices[m]) > 0.5 && (best < 0 || costs[i][m] < costs[i][best])) {
                    best = m;
                }
            }
            int pick = best >= 0 ? best : cheapest;
            cost += costs[i][pick];
            quality += test.get(i).score(indices[pick]);
        }
        return new Aiq.Point(cost / test.size(), quality / test.size());
    }

    private static List<double[]> priorEstimates(List<OutcomeRow> train, List<OutcomeRow> test, int[] indices) {
        Map<String, double[]> sums = new HashMap<>();
        for (OutcomeRow row : train) {
            double[] sum = sums.computeIfAbsent(row.group(), k -> new double[indices.length + 1]);
            for (int m = 0; m < indices.length; m++) {
                sum[m] += row.score(indices[m]);
            }
            sum[indices.length]++;
        }
        List<double[]> estimates = new ArrayList<>();
        for (OutcomeRow row : test) {
            double[] sum = sums.getOrDefault(row.group(), new double[indices.length + 1]);
            double[] p = new double[indices.length];
            for (int m = 0; m < indices.length; m++) {
                p[m] = sum[indices.length] == 0 ? 0.5 : sum[m] / sum[indices.length];
            }
            estimates.add(p);
        }
        return estimates;
    }

    private static double[][] costs(List<OutcomeRow> rows, int[] indices, List<String> names,
                                    Map<String, double[]> prices) {
        double[][] costs = new double[rows.size()][indices.length];
        for (int i = 0; i < rows.size(); i++) {
            for (int m = 0; m < indices.length; m++) {
                double[] price = prices.get(names.get(m));
                costs[i][m] = (rows.get(i).text().length() / 4.0 * price[0]
                        + rows.get(i).cost(indices[m]) / 4.0 * price[1]) / 1e6;
            }
        }
        return costs;
    }

    /** Model column → {input, output} USD per 1M tokens, in mapping order. */
    static Map<String, double[]> prices(Path dataDir) {
        Map<String, double[]> byName = new HashMap<>();
        for (CsvRow row : CsvTable.read(dataDir.resolve("model_prices_reference.csv")).rows()) {
            byName.putIfAbsent(row.requiredText("model"), new double[] {row.number("input_usd_per_1m_tokens"),
                    row.number("output_usd_per_1m_tokens")});
        }
        Map<String, double[]> prices = new java.util.LinkedHashMap<>();
        try (InputStream in = AiqSection.class.getClassLoader()
                .getResourceAsStream("gapwise/routing/mmlupro-prices.csv")) {
            for (CsvRow row : CsvTable.read("mmlupro-prices.csv", in).rows()) {
                double[] price = byName.get(row.requiredText("price_model"));
                if (price == null) {
                    throw row.error("price_model", "'" + row.text("price_model") + "' is not in model_prices_reference.csv");
                }
                prices.put(row.requiredText("model_column"), price);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prices;
    }
}
