// Event display mode: show the moments one after another, and fetch the current set now and
// then. Without JavaScript the page rotates by reloading itself (a <noscript> meta refresh).
// If the network drops, the screen keeps rotating what it has: it never shows an error page.
(function () {
  "use strict";
  var body = document.body;
  var rotateMs = Math.max(3, Number(body.getAttribute("data-rotate-seconds")) || 12) * 1000;
  var refreshMs = Math.max(10, Number(body.getAttribute("data-refresh-seconds")) || 120) * 1000;
  var shown = 0;

  function moments() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-display-moments] .display-moment"));
  }

  function show(index) {
    var all = moments();
    if (!all.length) return;
    shown = ((index % all.length) + all.length) % all.length;
    all.forEach(function (el, i) { el.hidden = i !== shown; });
  }

  function refresh() {
    fetch(window.location.pathname, { headers: { Accept: "text/html" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw response.status;
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var list = fresh.querySelector("[data-display-moments]");
        var count = fresh.querySelector("[data-display-count]");
        if (list) document.querySelector("[data-display-moments]").replaceWith(list);
        if (count) document.querySelector("[data-display-count]").replaceWith(count);
        show(shown);
      })
      .catch(function () { /* keep showing what we have */ });
  }

  show(moments().findIndex(function (el) { return !el.hidden; }));
  window.setInterval(function () { show(shown + 1); }, rotateMs);
  window.setInterval(refresh, refreshMs);
})();
