// Event display mode: show the moments one after another, each set as large as fits, and fetch
// the current set now and then. Without JavaScript the page rotates by reloading itself (a
// <noscript> meta refresh) and the type keeps the size the server chose for the text's length.
// If the network drops, the screen keeps rotating what it has: it never shows an error page.
(function () {
  "use strict";
  var body = document.body;
  var rotateMs = Math.max(3, Number(body.getAttribute("data-rotate-seconds")) || 12) * 1000;
  var refreshMs = Math.max(10, Number(body.getAttribute("data-refresh-seconds")) || 120) * 1000;
  var refreshUrl = body.getAttribute("data-refresh-url") || window.location.pathname;
  var shown = 0;

  function moments() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-display-moments] .display-moment"));
  }

  function fits(figure) {
    var box = figure.parentNode;
    return figure.scrollHeight <= box.clientHeight && figure.scrollWidth <= box.clientWidth;
  }

  // The largest type at which the moment fits its box (a binary search on the font size).
  function fit(figure) {
    var text = figure.querySelector(".display-text");
    if (!text) return;
    var low = 8;
    var high = 0.12 * Math.min(window.innerWidth, window.innerHeight);
    for (var step = 0; step < 9; step += 1) {
      var middle = (low + high) / 2;
      text.style.fontSize = middle + "px";
      if (fits(figure)) low = middle; else high = middle;
    }
    text.style.fontSize = Math.floor(low) + "px";
    if (!document.fonts || document.fonts.status === "loaded") figure.setAttribute("data-fitted", "true");
  }

  function show(index) {
    var all = moments();
    if (!all.length) return;
    shown = ((index % all.length) + all.length) % all.length;
    all.forEach(function (el, i) { el.hidden = i !== shown; });
    fit(all[shown]);
  }

  function refresh() {
    fetch(refreshUrl, { headers: { Accept: "text/html" }, cache: "no-store" })
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

  show(Math.max(0, moments().findIndex(function (el) { return !el.hidden; })));
  window.addEventListener("resize", function () { show(shown); });
  // A web font (the emoji of last resort) changes the text's size when it arrives: fit again.
  if (document.fonts) {
    document.fonts.addEventListener("loadingdone", function () { show(shown); });
    document.fonts.ready.then(function () { show(shown); });
  }
  window.setInterval(function () { show(shown + 1); }, rotateMs);
  window.setInterval(refresh, refreshMs);
})();
