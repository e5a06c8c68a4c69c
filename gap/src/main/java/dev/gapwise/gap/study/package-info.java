/**
 * Published analyses re-run on their own input data with the general methods: each study states the data
 * preparation its authors used (filters, exclusions, substitutions) and composes the methods of
 * {@code dev.gapwise.gap.method}; nothing here hard-codes a result.
 */
package dev.gapwise.gap.study;
