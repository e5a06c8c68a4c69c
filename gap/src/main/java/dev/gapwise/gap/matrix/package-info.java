/**
 * The 2×2 view of the race: US and Chinese developers, each split into closed and open-weight models, measured
 * against the overall frontier and against each other with the day-by-day method, now and by half-year.
 */
package dev.gapwise.gap.matrix;
