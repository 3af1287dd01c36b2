// Streams a values import so a long file shows its progress; without fetch streams
// the form posts as usual and the page simply waits.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.fetch || !window.TextDecoder || !window.ReadableStream) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var busy = form.querySelector(".busy"), bar = busy.querySelector("progress"),
        text = busy.querySelector("p"), button = form.querySelector("button");
    button.disabled = true;
    busy.hidden = false;
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Progress-Stream": "1",
                 "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value }
    }).then(function (response) {
      if (!response.ok || !response.body) { form.submit(); return; }
      var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "";
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.value) buffer += decoder.decode(chunk.value, { stream: true });
          var cut = buffer.indexOf("DONE\n");
          var head = cut >= 0 ? buffer.slice(0, cut) : buffer.slice(0, buffer.lastIndexOf("\n") + 1);
          head.split("\n").forEach(function (line) {
            var m = /^P (\d+) (\d+)$/.exec(line);
            if (m) {
              bar.max = +m[2]; bar.value = +m[1];
              text.textContent = text.dataset.progress.replace("{done}", m[1]).replace("{total}", m[2]);
            }
          });
          if (cut < 0) {
            buffer = buffer.slice(head.length);
            if (chunk.done) { form.submit(); return; }
            return pump();
          }
          var rest = buffer.slice(cut + 5);
          return (chunk.done ? Promise.resolve("") : readAll()).then(function (more) {
            document.open(); document.write(rest + more); document.close();
          });
          function readAll() {
            return reader.read().then(function (c) {
              if (c.done) return "";
              return readAll().then(function (m) { return decoder.decode(c.value, { stream: true }) + m; });
            });
          }
        });
      }
      return pump();
    }).catch(function () { form.submit(); });
  });
})();
