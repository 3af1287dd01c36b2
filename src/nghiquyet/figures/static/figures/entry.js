/* The entry grid: every cell save ends in one of three visible states.
 *
 *   saved                - the server kept it ("✓ Đã lưu", drawn by the server's row);
 *   failed, retrying     - the server or the link failed; it is sent again by itself;
 *   saved offline, queued - no network: kept in IndexedDB on this device and sent,
 *                          oldest first, when the link returns.
 *
 * An expired session never loses what was typed: the server answers 401 (never the login
 * page), the row keeps its values and a dialog asks for the password, then the save goes.
 * Version conflicts are the server's: a queued save carries the version it was typed on,
 * and a conflict comes back as the row with its usual message. */
(function () {
  "use strict";
  var grid = document.getElementById("entry-grid");
  var texts = document.getElementById("entry-texts");
  if (!grid || !texts) return;
  var T = texts.dataset;
  var DB = "nghiquyet-entry", STORE = "saves";
  var RETRY_MS = [2000, 5000, 15000, 30000];
  var waitingForLogin = [];  // rows whose save waits for the password
  htmx.config.timeout = 30000;
  // 401 (the session expired) is not an error to log: the page asks for the password.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "401", swap: false, error: false },
    { code: "[45]..", swap: false, error: true },
    { code: "...", swap: false }
  ];

  // --- IndexedDB queue, one record per row (the latest typing wins) -----------------
  function db() {
    return new Promise(function (resolve, reject) {
      var open = indexedDB.open(DB, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore(STORE, { keyPath: "key" }); };
      open.onsuccess = function () { resolve(open.result); };
      open.onerror = function () { reject(open.error); };
    });
  }
  function tx(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction(STORE, mode), out = work(t.objectStore(STORE));
        t.oncomplete = function () { resolve(out && "result" in out ? out.result : undefined); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }
  function keyOf(form) {
    var f = new FormData(form);
    return [form.action, f.get("series"), f.get("unit"), f.get("period")].join("|");
  }
  function queue(form) {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (value instanceof File && !value.name) return;  // no file chosen
      fields.push([name, value]);
    });
    var record = { key: keyOf(form), url: form.action, row: form.id, page: location.pathname + location.search,
                   fields: fields, at: Date.now() };
    return tx("readwrite", function (s) { s.put(record); });
  }
  function queued() { return tx("readonly", function (s) { return s.getAll(); }); }
  function unqueue(key) { return tx("readwrite", function (s) { s.delete(key); }); }

  // --- what the row says --------------------------------------------------------------
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (m) return decodeURIComponent(m[1]);
    var input = document.querySelector("[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function setState(row, state, text) {
    if (!row) return;
    var box = row.querySelector(".save-state");
    if (!box) {
      box = document.createElement("span");
      box.className = "save-state";
      box.setAttribute("role", "status");
      var actions = row.querySelector(".er-actions") || row;
      actions.insertBefore(box, actions.firstChild);
    }
    row.querySelectorAll(".saved").forEach(function (el) { if (el !== box) el.remove(); });
    box.dataset.state = state;
    box.textContent = text;
    row.classList.toggle("is-queued", state === "queued");
    // A figure still on this device cannot be sent for approval: the server has the old one.
    row.querySelectorAll("button[hx-post*='/submit/']").forEach(function (b) {
      b.disabled = state === "queued";
    });
  }
  function rowOf(el) { return el && el.closest ? el.closest("form.entry-row") : null; }

  // --- htmx: the normal path ----------------------------------------------------------
  document.body.addEventListener("htmx:configRequest", function (e) {
    var token = csrf();
    e.detail.headers["X-CSRFToken"] = token;
    if (e.detail.formData && e.detail.formData.has("csrfmiddlewaretoken")) {
      e.detail.formData.set("csrfmiddlewaretoken", token);
    } else if (e.detail.parameters && "csrfmiddlewaretoken" in e.detail.parameters) {
      e.detail.parameters.csrfmiddlewaretoken = token;
    }
  });

  // Editing a figure already sent for approval asks first: it goes back to draft.
  document.body.addEventListener("htmx:confirm", function (e) {
    var row = rowOf(e.detail.elt);
    if (!row || e.detail.elt !== row || !row.classList.contains("status-submitted")) return;
    e.preventDefault();
    if (window.confirm(T.confirmSubmitted)) {
      e.detail.issueRequest(true);
    } else {
      row.reset();
    }
  });

  document.body.addEventListener("htmx:beforeRequest", function (e) {
    var row = rowOf(e.detail.elt);
    if (!row) return;
    if (!navigator.onLine && e.detail.elt === row) {
      e.preventDefault();
      queue(row).then(function () { setState(row, "queued", T.queued); });
      return;
    }
    if (!navigator.onLine) {
      e.preventDefault();
      setState(row, "failed", T.offlineSubmit);
      return;
    }
    setState(row, "saving", T.saving);
  });

  document.body.addEventListener("htmx:sendError", function (e) {
    var row = rowOf(e.detail.elt);
    if (!row) return;
    if (e.detail.elt === row) {
      queue(row).then(function () { setState(row, "queued", T.queued); });
    } else {
      setState(row, "failed", T.offlineSubmit);
    }
  });

  function retryLater(row) {
    var n = Number(row.dataset.retries || 0);
    row.dataset.retries = String(n + 1);
    setState(row, "retrying", T.retrying);
    window.setTimeout(function () {
      if (document.body.contains(row)) htmx.trigger(row, "change");
    }, RETRY_MS[Math.min(n, RETRY_MS.length - 1)]);
  }

  document.body.addEventListener("htmx:timeout", function (e) {
    var row = rowOf(e.detail.elt);
    if (row && e.detail.elt === row) retryLater(row);
  });

  document.body.addEventListener("htmx:responseError", function (e) {
    var row = rowOf(e.detail.elt), status = e.detail.xhr.status;
    if (!row) return;
    var xhr = e.detail.xhr, type = xhr.getResponseHeader("Content-Type") || "";
    if (status === 403 && xhr.getResponseHeader("X-Refused-Because") === "csrf") {
      setState(row, "failed", T.loginNeeded);
      if (waitingForLogin.indexOf(e.detail.elt) < 0) waitingForLogin.push(e.detail.elt);
      askLogin();
    } else if (status >= 500 || status === 0 || status === 429) {
      if (e.detail.elt === row) retryLater(row); else setState(row, "failed", T.failed);
    } else if (type.indexOf("text/plain") === 0 && xhr.responseText) {
      setState(row, "failed", xhr.responseText.slice(0, 300));  // the server's own words
    } else {
      setState(row, "failed", status === 403 ? T.forbidden : T.failed);
    }
  });

  document.body.addEventListener("htmx:beforeSwap", function (e) {
    var row = rowOf(e.detail.elt);
    if (!row || e.detail.xhr.status !== 401) return;
    e.detail.shouldSwap = false;
    setState(row, "failed", T.loginNeeded);
    if (waitingForLogin.indexOf(e.detail.elt) < 0) waitingForLogin.push(e.detail.elt);
    askLogin();
  });

  document.body.addEventListener("htmx:afterSwap", function (e) {
    var row = rowOf(e.detail.elt) || e.detail.elt;
    if (row && row.dataset) delete row.dataset.retries;
  });

  // --- the offline queue, sent when the link returns ------------------------------------
  var sending = false, keepOnScreen = false;
  function send(record) {
    var body = new FormData();
    record.fields.forEach(function (f) { body.append(f[0], f[1]); });
    body.set("csrfmiddlewaretoken", csrf());
    return fetch(record.url, { method: "POST", body: body, credentials: "same-origin",
                               headers: { "HX-Request": "true", "X-CSRFToken": csrf() } });
  }
  function flush() {
    if (sending || !navigator.onLine) return Promise.resolve();
    sending = true;
    return queued().then(function (records) {
      records.sort(function (a, b) { return a.at - b.at; });
      var chain = Promise.resolve(true);
      records.forEach(function (record) {
        chain = chain.then(function (go) {
          if (!go) return false;
          var row = document.getElementById(record.row);
          if (row) setState(row, "saving", T.sending);
          return send(record).then(function (response) {
            if (response.status === 401) { askLogin(); return false; }
            if (!response.ok) { if (row) setState(row, "retrying", T.retrying); return false; }
            return response.text().then(function (html) {
              return unqueue(record.key).then(function () {
                if (!row) return true;
                row.outerHTML = html;
                var fresh = document.getElementById(record.row);
                if (!fresh) return true;
                htmx.process(fresh);
                if (fresh.classList.contains("has-error")) {
                  // Refused (someone changed the figure meanwhile, or a wrong number): the
                  // number typed offline stays on screen until the person decides.
                  keepOnScreen = true;
                  var typed = record.fields.filter(function (f) {
                    return ["value", "numerator", "denominator"].indexOf(f[0]) >= 0 && f[1];
                  }).map(function (f) { return f[1]; }).join(" / ");
                  var note = document.createElement("p");
                  note.className = "warn typed-offline";
                  note.setAttribute("role", "alert");
                  note.textContent = T.typedOffline.replace("{v}", typed);
                  fresh.insertBefore(note, fresh.querySelector(".er-actions"));
                }
                return true;
              });
            });
          }, function () { return false; });
        });
      });
      return chain;
    }).then(function (allSent) {
      sending = false;
      updateBanner();
      if (allSent === false) window.setTimeout(flush, 15000);
    }, function () { sending = false; });
  }

  function updateBanner() {
    return queued().then(function (records) {
      var banner = document.getElementById("entry-queue");
      if (!banner) return records;
      var parts = [];
      if (openedOffline && !navigator.onLine) parts.push(T.offlineCopy);
      if (records.length) parts.push(T.queueBanner.replace("{n}", records.length));
      banner.hidden = parts.length === 0;
      banner.textContent = parts.join(" ");
      return records;
    });
  }

  // What was typed offline shows again when the page is opened from the device's copy.
  function restoreQueued() {
    return queued().then(function (records) {
      records.forEach(function (record) {
        var row = document.getElementById(record.row);
        if (!row || record.page !== location.pathname + location.search) return;
        var sent = {};
        record.fields.forEach(function (f) { if (typeof f[1] === "string") sent[f[0]] = f[1]; });
        Array.prototype.forEach.call(row.elements, function (input) {
          if (!input.name || input.type === "hidden" || input.type === "file") return;
          if (input.type === "checkbox") input.checked = input.name in sent;
          else if (input.name in sent) input.value = sent[input.name];
        });
        setState(row, "queued", T.queued);
      });
    }).then(updateBanner);
  }

  // The device's copy of the page is kept fresh after saves (one fetch when typing
  // pauses), and a page opened from that copy without a network is reloaded once the
  // queue has gone, so that it shows what the server holds.
  var openedOffline = !navigator.onLine, recache = null;
  function keepCopy() {
    if (!window.caches || !navigator.onLine) return;
    window.clearTimeout(recache);
    recache = window.setTimeout(function () {
      caches.open("nq-pages").then(function (c) { return c.add(location.href); })
        .catch(function () { /* kept on the next visit */ });
    }, 3000);
  }
  document.body.addEventListener("htmx:afterSwap", keepCopy);
  if (openedOffline) {
    var note = document.getElementById("entry-queue");
    if (note) { note.hidden = false; note.textContent = T.offlineCopy; }
  }

  window.addEventListener("online", function () {
    flush().then(queued).then(function (left) {
      if (openedOffline && !left.length && !keepOnScreen) location.reload();
    });
  });
  window.addEventListener("offline", function () { updateBanner(); });
  restoreQueued().then(flush);

  // "Gửi duyệt tất cả" sends what is queued first, so the old value is never submitted.
  document.addEventListener("click", function (e) {
    var link = e.target instanceof Element ? e.target.closest("[data-submit-all]") : null;
    if (!link) return;
    e.preventDefault();
    queued().then(function (records) {
      if (!records.length) { location.href = link.href; return; }
      if (!navigator.onLine) { window.alert(T.offlineSubmit); return; }
      flush().then(queued).then(function (left) {
        if (left.length) window.alert(T.queueBanner.replace("{n}", left.length));
        else location.href = link.href;
      });
    });
  });

  // --- login in a dialog ----------------------------------------------------------------
  var dialog = document.getElementById("login-dialog");
  function askLogin() {
    if (!dialog || dialog.open) return;
    dialog.querySelector(".error").hidden = true;
    dialog.showModal();
  }
  if (dialog) {
    dialog.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
      var form = e.target, body = new FormData(form);
      body.set("csrfmiddlewaretoken", csrf());
      body.set("next", location.pathname + location.search);
      fetch(form.action, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          var stayed = new URL(response.url).pathname === new URL(form.action).pathname;
          if (!response.ok || stayed) throw new Error("login");
          form.reset();
          dialog.close();
          var again = waitingForLogin.splice(0);
          again.forEach(function (elt) {
            if (!document.body.contains(elt)) return;
            if (elt.matches("form.entry-row")) htmx.trigger(elt, "change"); else elt.click();
          });
          flush();
        })
        .catch(function () { dialog.querySelector(".error").hidden = false; });
    });
  }
})();
