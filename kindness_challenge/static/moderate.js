// The review queue without a mouse: j/k move, a approve, f approve and feature, r reject,
// x select, o open, u undo, ? help. Also polls for new items and for who is viewing what.
// Progressive enhancement only: every action is a plain form that works without this script.
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  if (!queue) return;
  var help = document.getElementById("shortcut-help");
  var current = -1;

  function items() { return Array.prototype.slice.call(document.querySelectorAll(".queue-item")); }

  function select(index) {
    var all = items();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (el, i) { el.classList.toggle("is-current", i === current); });
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function currentItem() {
    var all = items();
    if (current < 0 && all.length) select(0);
    return all[current];
  }

  function toggleHelp(show) {
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) help.querySelector("button").focus();
  }

  document.getElementById("close-help").addEventListener("click", function () { toggleHelp(false); });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.matches("input[type=text], input:not([type]), textarea, select");
    if (event.key === "Escape" && !help.hidden) { toggleHelp(false); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    var item;
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "?": toggleHelp(); break;
      case "a":
        item = currentItem();
        if (item) item.querySelector('[data-action="approve"]').click();
        break;
      case "f":
        item = currentItem();
        if (item) item.querySelector('[data-action="feature"]').click();
        break;
      case "r":
        item = currentItem();
        if (item) item.querySelector('[data-action="reject"]').focus();
        break;
      case "x":
        item = currentItem();
        if (item) { var box = item.querySelector('input[name="ids"]'); box.checked = !box.checked; }
        break;
      case "o":
        item = currentItem();
        if (item) item.querySelector("h2 a").click();
        break;
      case "u":
        var undo = document.querySelector('[data-shortcut="u"]');
        if (undo) undo.click();
        break;
      default: return;
    }
    event.preventDefault();
  });

  // Enter in a reject reason select submits that rejection.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches('[data-action="reject"]') && event.target.value) {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });

  // New items and viewing markers, without a full reload.
  var banner = document.getElementById("new-items");
  var newest = parseInt(queue.dataset.newest, 10) || 0;
  function poll() {
    fetch(queue.dataset.pollUrl + "?after=" + newest, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        if (data.new_count > 0) {
          banner.querySelector(".new-items-text").textContent =
            data.new_count + (data.new_count === 1 ? " new item" : " new items") + " arrived.";
          banner.hidden = false;
        }
        document.querySelectorAll("[data-viewing-for]").forEach(function (el) {
          var who = data.viewing[el.dataset.viewingFor];
          el.hidden = !who;
          if (who) el.querySelector("span").textContent = who;
        });
      })
      .catch(function () { /* offline for a moment: try again next round */ });
  }
  document.getElementById("show-new").addEventListener("click", function () {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("queue-items");
        var freshQueue = doc.getElementById("queue");
        if (!fresh || !freshQueue) { window.location.reload(); return; }
        document.getElementById("queue-items").replaceWith(fresh);
        newest = parseInt(freshQueue.dataset.newest, 10) || newest;
        banner.hidden = true;
        current = -1;
        select(0);
      });
  });
  window.setInterval(poll, parseInt(queue.dataset.pollMs, 10) || 10000);
})();
