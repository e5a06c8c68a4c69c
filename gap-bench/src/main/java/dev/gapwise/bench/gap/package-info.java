/** JMH benchmarks of the gap tracker; run from the shaded jar as docs/benchmarks.md shows. */
package dev.gapwise.bench.gap;
