// Starts the vendored Swagger UI with the settings the page carries (no inline script).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  var token = document.body.dataset.csrfToken;
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis];
  config.requestInterceptor = function (req) {
    if (token) { req.headers["X-CSRFToken"] = token; }
    return req;
  };
  window.ui = SwaggerUIBundle(config);
})();
