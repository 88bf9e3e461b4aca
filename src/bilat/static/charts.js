// Draws the plotly figures whose specs the page holds in <script type="application/json">.
// A click on a point opens the evidence link carried in its customdata.
(function () {
  "use strict";
  if (!window.Plotly) { return; }
  document.querySelectorAll(".chart[data-figure]").forEach(function (el) {
    var spec = document.getElementById(el.dataset.figure);
    if (!spec) { return; }
    var fig = JSON.parse(spec.textContent);
    window.Plotly.newPlot(el, fig.data, fig.layout, { displaylogo: false, responsive: true });
    el.on("plotly_click", function (ev) {
      var link = ev.points && ev.points[0] && ev.points[0].customdata;
      if (typeof link === "string" && link.charAt(0) === "/") { window.location.href = link; }
    });
  });
})();
