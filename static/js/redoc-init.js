// Starts Redoc on the API documentation page (kept out of the HTML for the CSP).
(function () {
  var container = document.getElementById("redoc-container");
  if (container && window.Redoc) {
    window.Redoc.init(container.dataset.specUrl, { hideDownloadButton: false }, container);
  }
})();
