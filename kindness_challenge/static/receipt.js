// While a submission waits, ask for its state now and then, and reload the receipt only when
// the state has changed. (Without JavaScript, a <noscript> meta refresh does the same job.)
(function () {
  "use strict";
  var receipt = document.querySelector(".receipt[data-status-url]");
  if (!receipt) return;
  var state = receipt.dataset.state;
  if (state !== "pending" && state !== "needs_review") return;
  var delay = state === "pending" ? 3000 : 30000;
  function check() {
    fetch(receipt.dataset.statusUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && data.state !== state) window.location.reload();
        else window.setTimeout(check, delay);
      })
      .catch(function () { window.setTimeout(check, delay * 2); });
  }
  window.setTimeout(check, delay);
})();
