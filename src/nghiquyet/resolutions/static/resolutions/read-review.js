/* Wide screens have room to show every target open; phones start with the summaries. */
if (window.matchMedia("(min-width: 720px)").matches) {
  document.querySelectorAll("details.rv-target").forEach(function (d) { d.open = true; });
}
