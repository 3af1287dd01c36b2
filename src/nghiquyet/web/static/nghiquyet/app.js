/* nghiquyet: small behaviours for every page (no inline scripts: the CSP forbids them). */
(function () {
  "use strict";

  // A select that changes the page (unit, period) submits its form.
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el instanceof HTMLSelectElement && el.hasAttribute("data-autosubmit") && el.form) {
      el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
    }
  });

  document.addEventListener("click", function (e) {
    var el = e.target instanceof Element ? e.target.closest("[data-print]") : null;
    if (el) { e.preventDefault(); window.print(); }
  });

  // A status explanation is written once, inside its closed chip: open the chips for
  // printing, and close again those that were closed.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.status-chip:not([open])").forEach(function (d) {
      d.open = true; d.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.open = false; d.removeAttribute("data-print-opened");
    });
  });

  // Forms that change something hard to undo say what they will do, and ask.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);

  // Logging out forgets the pages kept for offline use on this device.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.matches("[data-logout]") && window.caches) {
      caches.delete("nq-pages");
    }
  });

  if ("serviceWorker" in navigator && document.documentElement.hasAttribute("data-sw")) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(document.documentElement.getAttribute("data-sw"), { scope: "/" })
        .catch(function () { /* the site works without it, only not offline */ });
    });
  }
})();
