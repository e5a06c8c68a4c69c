/**
 * Report writers: a readable text table, CSV, JSON, SVG/PNG charts (JFreeChart) and the Markdown gap
 * report. Each writer takes a finished result and only formats it; numbers are computed elsewhere.
 */
package dev.gapwise.gap.report;
