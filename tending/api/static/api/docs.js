// The API's documentation page: Swagger UI (vendored) reading tending's own OpenAPI description.
(function () {
  var body = document.body;
  window.SwaggerUIBundle({
    url: body.getAttribute("data-openapi"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null, // never ask another site to check the description
    tryItOutEnabled: false,
    requestInterceptor: function (request) {
      // Same-site calls ride on the signed-in session; changes need the page's CSRF token.
      request.headers["X-CSRFToken"] = body.getAttribute("data-csrf");
      return request;
    },
  });
})();
