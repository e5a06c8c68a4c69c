package dev.gapwise.routing.lab.train;

import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.classify.TextFeatures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training examples in named groups, weighted so that every class weighs the same in total and, inside a class,
 * each group gets a fixed share of that class's weight (not its share of the count): a few hundred written
 * requests are not drowned by twenty thousand exam questions. Groups without a share split what the shared groups
 * leave, by count. Not thread-safe; build, then call {@link #examples()} once.
 */
final class WeightedExamples {
    private record Item(RequestText text, int label, String group) {
    }

    private final List<String> labels;
    private final Map<String, Double> shares;
    private final List<Item> items = new ArrayList<>();

    /**
     * @param labels the classes
     * @param shares the share of its class's weight per group, keyed {@code class/group}
     */
    WeightedExamples(List<String> labels, Map<String, Double> shares) {
        this.labels = List.copyOf(labels);
        this.shares = Map.copyOf(shares);
    }

    void add(RequestText text, String label, String group) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("unknown class " + label + " (classes " + labels + ")");
        }
        items.add(new Item(text, index, group));
    }

    /** Counts per {@code class/group}, for the report. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Item item : items) {
            counts.merge(key(item), 1, Integer::sum);
        }
        return counts;
    }

    /** The items' texts, in the order they were added. */
    List<RequestText> texts() {
        return items.stream().map(Item::text).toList();
    }

    /** The items' class indices, in the order they were added. */
    int[] labels() {
        return items.stream().mapToInt(Item::label).toArray();
    }

    /** The weighted examples; the total weight per class is the item count divided by the number of classes. */
    List<LinearTrainer.Example> examples() {
        double[] weights = weights();
        List<LinearTrainer.Example> examples = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            examples.add(new LinearTrainer.Example(TextFeatures.of(items.get(i).text()), items.get(i).label(),
                    weights[i]));
        }
        return examples;
    }

    /** Each item's weight, in the order they were added. */
    double[] weights() {
        Map<String, Integer> counts = counts();
        double classWeight = (double) items.size() / labels.size();
        Map<String, Double> weightPerItem = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            String prefix = labels.get(k) + "/";
            double sharedTotal = 0;
            int unsharedCount = 0;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    Double share = shares.get(entry.getKey());
                    if (share == null) {
                        unsharedCount += entry.getValue();
                    } else {
                        sharedTotal += share;
                    }
                }
            }
            double present = sharedTotal;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    Double share = shares.get(entry.getKey());
                    double weight = share == null
                            ? classWeight * Math.max(0, 1 - present) / unsharedCount
                            : classWeight * share / (unsharedCount == 0 ? present : 1) / entry.getValue();
                    weightPerItem.put(entry.getKey(), weight);
                }
            }
        }
        double[] weights = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            weights[i] = weightPerItem.get(key(items.get(i)));
        }
        return weights;
    }

    private String key(Item item) {
        return labels.get(item.label()) + "/" + item.group();
    }
}
