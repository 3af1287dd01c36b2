// Draws each target's chart: actual series, required trajectory, target line, projection.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var fmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  data.forEach(function (c, i) {
    var el = document.getElementById("chart-" + i);
    if (!el || typeof Chart === "undefined") return;
    new Chart(el, {
      type: "line",
      data: {
        labels: c.labels,
        datasets: [
          { label: "Thực hiện", data: c.actual, borderColor: "#2d5fa8", backgroundColor: "#2d5fa8", borderWidth: 3, spanGaps: true, pointRadius: 4 },
          { label: "Lộ trình cần đạt", data: c.required, borderColor: "#7a8796", borderDash: [6, 4], borderWidth: 2, pointRadius: 0, spanGaps: true },
          { label: "Mục tiêu", data: c.target, borderColor: "#b3261e", backgroundColor: "#b3261e", borderWidth: 2, pointRadius: 6, pointStyle: "rectRot", showLine: c.target.filter(function (v) { return v !== null; }).length > 1 },
          { label: "Dự báo theo xu hướng", data: c.projection, borderColor: "#e0a100", borderDash: [2, 3], borderWidth: 2, pointRadius: 3, spanGaps: true }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 14 } },
          tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ": " + fmt.format(ctx.parsed.y) + (c.unit ? " " + c.unit : ""); } } }
        },
        scales: { y: { ticks: { callback: function (v) { return fmt.format(v); } } } }
      }
    });
  });
})();
