// Draws every <div class="chart" data-chart="{ECharts option}"> of the page. The server writes the option as JSON
// (so every number is also in the page's tables); this file only adds what JSON cannot carry: the tooltip that
// names the model under the pointer, no animation, and resizing with the window.
(function () {
  'use strict';
  function nameTooltip(params) {
    var value = Array.isArray(params.value) ? params.value : [params.value];
    var shown = value.length > 1 ? value[0] + ': ' + value[1] : value[0];
    return (params.name ? '<strong>' + escapeHtml(params.name) + '</strong><br>' : '') +
      escapeHtml(params.seriesName || '') + '<br>' + escapeHtml(String(shown));
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function draw() {
    var charts = [];
    document.querySelectorAll('div.chart[data-chart]').forEach(function (element) {
      var option = JSON.parse(element.getAttribute('data-chart'));
      option.animation = false; // drawn at once: what a screenshot or a print shows is the whole chart
      if (option.tooltip && option.tooltip.showName) {
        delete option.tooltip.showName;
        option.tooltip.formatter = nameTooltip;
      }
      var chart = echarts.init(element, null, {renderer: 'canvas'});
      chart.setOption(option);
      element.setAttribute('data-drawn', 'true');
      charts.push(chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
