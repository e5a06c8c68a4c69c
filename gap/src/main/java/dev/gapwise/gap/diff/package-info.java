/**
 * How the lags moved between two snapshots of the same data, and why: Epoch refits its Capabilities Index with each
 * export, so a lag can change because new models arrived or because the old models' scores moved.
 */
package dev.gapwise.gap.diff;
