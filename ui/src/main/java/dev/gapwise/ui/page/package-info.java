/**
 * The dashboard's pages, rendered on the server as HTML strings: a page reads its figures (through {@code
 * dev.gapwise.ui.data} or the gap module), writes tables for the exact numbers and an ECharts option as JSON in a
 * {@code data-chart} attribute for each chart, which {@code app.js} draws. No template engine and no client-side
 * framework: every number on a page is in its HTML, so it can be checked and read without JavaScript.
 */
package dev.gapwise.ui.page;
