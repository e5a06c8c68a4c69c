/**
 * The lag by task family: the benchmarks of each family (coding, math, vision, … as the catalog groups them)
 * measured one by one with the general methods, then summarised per family and group pair with the number of
 * benchmarks and models behind each number — and "not enough data" where there are too few. {@link
 * dev.gapwise.gap.family.FamilyAges} gives each model's lag per family for routing.
 */
package dev.gapwise.gap.family;
