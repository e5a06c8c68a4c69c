package dev.gapwise.catalog;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A group of benchmarks that measure one kind of task (coding, math, vision, …), so a lag can be read per task
 * instead of on one index. Which benchmark belongs where is data, each membership with its source.
 *
 * @param id      short lower-case id used on the command line and by routing, e.g. {@code coding}
 * @param name    human name for reports
 * @param members the benchmarks of the family, each with the source that says what it measures
 */
public record TaskFamily(String id, String name, List<Member> members) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");

    public TaskFamily {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("family id must be lower-case letters, digits, '_' or '-': " + id);
        }
    }

    /** The benchmark ids of the family, in file order. */
    public List<String> benchmarks() {
        return members.stream().map(Member::benchmark).toList();
    }

    /**
     * One benchmark's membership.
     *
     * @param benchmark the benchmark id, as readers name it (e.g. {@code swe_bench_verified}, {@code video_mme})
     * @param source    where the benchmark's task is described (its paper or home page)
     */
    public record Member(String benchmark, String source) {
        public Member {
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(source, "source");
        }
    }
}
