// Draws the radar chart of category scores from the data attributes of each [data-radar] element.
// The same figures are in the table beside it, so the chart is an aid, not the only way to read them.
document.querySelectorAll("[data-radar]").forEach((el) => {
  const labels = JSON.parse(el.dataset.labels);
  const values = JSON.parse(el.dataset.values);
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    textStyle: { fontFamily: "Sarabun, sans-serif" },
    radar: { indicator: labels.map((name) => ({ name, max: 500 })), radius: "62%", axisName: { color: "#1d3557", fontSize: 13 } },
    series: [{ type: "radar", areaStyle: { opacity: 0.25 }, data: [{ value: values, name: el.dataset.name }] }],
  });
  window.addEventListener("resize", () => chart.resize());
});
