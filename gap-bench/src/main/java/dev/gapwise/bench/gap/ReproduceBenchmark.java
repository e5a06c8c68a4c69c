package dev.gapwise.bench.gap;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.imports.DatasetImporter;
import dev.gapwise.gap.reproduce.ReferenceFigure;
import dev.gapwise.gap.reproduce.Reproducer;
import dev.gapwise.gap.reproduce.Reproduction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The full {@code gapwise gap reproduce} over all shared data: importing every public dataset (about 60
 * CSV files) and recomputing every reference figure, and the two halves on their own. Run with
 * {@code -p data=/path/to/shared/data/gap}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ReproduceBenchmark {
    @Param("../shared/data/gap")
    public String data;

    private List<Dataset> datasets;
    private List<ReferenceFigure> figures;

    @Setup(Level.Trial)
    public void load() {
        datasets = DatasetImporter.importFrom(Path.of(data)).datasets();
        figures = ReferenceFigure.read(Path.of(data, "reference_numbers.csv"));
    }

    /** Import plus reproduction: what one run of the command does after the JVM starts. */
    @Benchmark
    public List<Reproduction> importAndReproduce() {
        List<Dataset> fresh = DatasetImporter.importFrom(Path.of(data)).datasets();
        return new Reproducer(fresh).run(ReferenceFigure.read(Path.of(data, "reference_numbers.csv")));
    }

    /** Reading and recognising every public file. */
    @Benchmark
    public List<Dataset> importOnly() {
        return DatasetImporter.importFrom(Path.of(data)).datasets();
    }

    /** Recomputing every figure on already imported data. */
    @Benchmark
    public List<Reproduction> reproduceOnly() {
        return new Reproducer(datasets).run(figures);
    }
}
