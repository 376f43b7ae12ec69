/*
 * Draws the monitoring pages' charts with Apache ECharts (served by the application, see ChartLibrary). Each chart is
 * an element with a data-chart attribute holding the JSON the server wrote (web/monitor/Dashboards): no script in the
 * page, so the pages run under a Content-Security-Policy without 'unsafe-inline'. Colours come from app.css.
 */
(function () {
  'use strict';

  var style = getComputedStyle(document.documentElement);

  function colour(name) {
    return style.getPropertyValue(name).trim() || '#98a2b3';
  }

  var font = {fontFamily: 'Segoe UI, Roboto, Arial, sans-serif'};

  /* Tooltips drawn by the chart itself (richText), not as HTML: names from the plan are never parsed as markup. */
  var tooltip = {trigger: 'axis', axisPointer: {type: 'shadow'}, renderMode: 'richText', confine: true};

  function stacked(data) {
    return {
      textStyle: font,
      tooltip: tooltip,
      legend: {type: 'scroll', bottom: 0},
      grid: {left: 8, right: 8, top: 36, bottom: 40, containLabel: true},
      xAxis: {type: 'category', data: data.categories, axisLabel: {interval: 0, rotate: data.categories.length > 6 ? 40 : 0}},
      yAxis: {type: 'value', minInterval: 1, name: 'Số đơn vị'},
      series: data.series.map(function (s) {
        return {name: s.name, type: 'bar', stack: 'units', data: s.values, itemStyle: {color: colour('--state-' + s.css)}};
      })
    };
  }

  function bars(data) {
    return {
      textStyle: font,
      tooltip: tooltip,
      grid: {left: 8, right: 24, top: 16, bottom: 8, containLabel: true},
      xAxis: {type: 'value', min: 0, max: 100, name: '%'},
      yAxis: {type: 'category', data: data.categories, inverse: true,
        axisLabel: {width: 150, overflow: 'truncate'}},
      series: [{name: data.name, type: 'bar', data: data.values, label: {show: true, position: 'right', formatter: '{c}%'},
        itemStyle: {color: colour('--verdict-met')}}]
    };
  }

  var kinds = {stacked: stacked, bars: bars};

  document.querySelectorAll('[data-chart]').forEach(function (element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    if (!kinds[data.kind] || data.categories.length === 0) {
      return;
    }
    var chart = echarts.init(element, null, {renderer: 'svg'});
    chart.setOption(kinds[data.kind](data));
    window.addEventListener('resize', function () {
      chart.resize();
    });
    element.setAttribute('data-chart-drawn', 'true');
  });
})();
