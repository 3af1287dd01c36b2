/* The approvals page: approve and return are one tap and no reload. Each card's forms post
 * with htmx (hx-post on the form); the server answers with the card in its new state
 * ("Đã duyệt: …", "Đã trả lại: …", or the card again with the conflict message), swapped
 * in place. Without this script the same forms post and the page comes back.
 *
 * What htmx does not swap is said in the card: a refusal, a failure, no network. An
 * expired session (401) sends the form the ordinary way, so that logging in comes back
 * to this page. Texts come from #approval-texts (Django's gettext). */
(function () {
  "use strict";
  var texts = document.getElementById("approval-texts");
  if (!texts || typeof htmx === "undefined") return;
  var T = texts.dataset;

  function card(el) { return el && el.closest ? el.closest("li.approval") : null; }
  function say(el, text) {
    var li = card(el), status = li ? li.querySelector(".ap-status") : null;
    if (status) { status.textContent = text; status.classList.add("error"); }
  }

  document.body.addEventListener("htmx:responseError", function (e) {
    var form = e.detail.elt;
    if (!card(form)) return;
    var xhr = e.detail.xhr;
    if (xhr.status === 401) {
      form.submit();  // not htmx: the login page, then back here
    } else if (xhr.status === 403 && xhr.getResponseHeader("X-Refused-Because") !== "csrf") {
      say(form, T.forbidden);
    } else {
      say(form, T.failed);
    }
  });

  document.body.addEventListener("htmx:sendError", function (e) {
    if (card(e.detail.elt)) say(e.detail.elt, T.offline);
  });

  // The tapped button is gone with the old card: the new state takes the focus.
  document.body.addEventListener("htmx:afterSwap", function (e) {
    var li = e.detail.target && document.getElementById(e.detail.target.id);
    var done = li ? li.querySelector(".ap-done, .error") : null;
    if (done) { done.setAttribute("tabindex", "-1"); done.focus({ preventScroll: true }); }
  });
})();
