// Each target's select comes with only its current choice (forms.CatalogueSelect); the
// whole catalogue is written once, in <template id="catalogue-options">. Copy it into
// every select, keeping what each one had chosen.
(function () {
  "use strict";
  function fill() {
    var source = document.getElementById("catalogue-options");
    if (!source) return;
    document.querySelectorAll("select[data-catalogue]").forEach(function (select) {
      var chosen = select.value;
      select.replaceChildren(source.content.cloneNode(true));
      select.value = chosen;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fill);
  else fill();
})();
