package dev.gapwise.routing.lab.report;

import java.util.Map;

/**
 * The evaluation's output: the Markdown report and its charts by file name (SVG text as UTF-8 bytes, PNG bytes).
 *
 * @param markdown the report
 * @param charts   file name → content, written beside the report
 */
public record EvalReport(String markdown, Map<String, byte[]> charts) {
    public EvalReport {
        charts = Map.copyOf(charts);
    }
}
