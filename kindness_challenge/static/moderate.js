// The review queue, faster: decisions in place (no reload, the moderator keeps their place) with
// an undo toast, and keyboard shortcuts: j/k move, a approve, f approve and feature, r reject,
// x select, o open, u undo, ? help. Shortcuts act only on the item that has focus (outlined and
// marked); with none, they do nothing. Also polls for new items and for who is viewing what.
// Progressive enhancement only: every action is a plain form that works without this script.
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  if (!queue) return;
  var help = document.getElementById("shortcut-help");
  var toast = document.getElementById("decision-toast");
  var toastText = toast.querySelector(".toast-text");
  var toastUndo = document.getElementById("toast-undo");
  var toastUndoWhat = document.getElementById("toast-undo-what");
  var lastDecision = null; // {card, parent, next, undoUrl, id}

  function items() { return Array.prototype.slice.call(document.querySelectorAll(".queue-item")); }

  // The item the keys act on: the one that has focus (the card itself or a control inside it).
  function focusedItem() {
    var active = document.activeElement;
    return active && active.closest ? active.closest(".queue-item") : null;
  }

  function markCurrent() {
    var current = focusedItem();
    items().forEach(function (el) { el.classList.toggle("is-current", el === current); });
  }
  document.addEventListener("focusin", markCurrent);
  document.addEventListener("focusout", function () { window.setTimeout(markCurrent, 0); });

  function focusItem(el) {
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest", behavior: "smooth" });
    markCurrent();
  }

  function move(step) {
    var all = items();
    if (!all.length) return;
    var index = all.indexOf(focusedItem());
    if (index < 0) index = step > 0 ? 0 : all.length - 1;
    else index = Math.max(0, Math.min(index + step, all.length - 1));
    focusItem(all[index]);
  }

  function showToast(message, kind, undoUrl, id) {
    toastText.textContent = message;
    toast.classList.remove("toast-success", "toast-error");
    toast.classList.add(kind === "error" ? "toast-error" : "toast-success");
    toast.classList.toggle("flash-undo", Boolean(undoUrl));
    toastUndo.hidden = !undoUrl;
    toastUndoWhat.textContent = id ? " the decision on #" + id : "";
    toast.hidden = false;
  }

  function hideToast() { toast.hidden = true; }
  document.getElementById("toast-close").addEventListener("click", function () {
    hideToast();
    var first = items()[0];
    if (first) focusItem(first);
  });

  function csrfToken() {
    var input = document.querySelector('input[name="csrf_token"]');
    return input ? input.value : "";
  }

  // The answer as {ok, message, undo_url}; an error page's JSON ({error: {message}}, e.g. an
  // expired form token) becomes {ok: false, message}; null when it is not JSON at all (a login
  // page after the session ended): the caller falls back to the ordinary form post.
  function postJson(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") < 0) return null;
      return response.json().then(function (data) {
        if (data && data.error) return { ok: false, message: data.error.message || data.error.title };
        return data;
      });
    });
  }

  function countInReview(delta) {
    var counter = document.getElementById("in-review-count");
    if (!counter) return;
    var value = Math.max(0, (parseInt(counter.dataset.count, 10) || 0) + delta);
    counter.dataset.count = value;
    counter.textContent = value + " in review";
  }

  function showEmptyIfDone() {
    var container = document.getElementById("queue-items");
    var empty = document.getElementById("queue-empty");
    var bulk = document.getElementById("bulk-form");
    if (items().length) {
      if (empty) empty.remove();
      if (bulk) bulk.hidden = false;
      return;
    }
    if (bulk) bulk.hidden = true;
    if (!empty) {
      empty = document.createElement("div");
      empty.className = "panel empty";
      empty.id = "queue-empty";
      empty.tabIndex = -1;
      var heading = document.createElement("h2");
      heading.textContent = "All clear";
      var text = document.createElement("p");
      text.textContent = "Nothing else is waiting on this page. 🌷";
      empty.appendChild(heading);
      empty.appendChild(text);
      container.appendChild(empty);
    }
    empty.focus();
  }

  // A decision form in the queue: sent with fetch, the card leaves the page, focus moves to the
  // next item, and the toast offers Undo. If the answer is not JSON (logged out, say), the form
  // is sent the ordinary way.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var card = form.closest(".queue-item");
    if (!card || !(form.classList.contains("approve-form") || form.classList.contains("reject-form"))) return;
    event.preventDefault();
    var submitter = event.submitter;
    var body = new FormData(form);
    if (submitter && submitter.name) body.append(submitter.name, submitter.value);
    card.setAttribute("aria-busy", "true");
    postJson(form.action, body)
      .then(function (data) {
        card.removeAttribute("aria-busy");
        if (data === null) { HTMLFormElement.prototype.submit.call(form); return; }
        if (!data.ok) {
          showToast(data.message, "error");
          return;
        }
        var all = items();
        var index = all.indexOf(card);
        var next = all[index + 1] || all[index - 1] || null;
        lastDecision = { card: card, parent: card.parentNode, next: card.nextSibling, undoUrl: data.undo_url, id: data.id };
        card.remove();
        card.classList.remove("is-current");
        countInReview(-1);
        showToast(data.message, "success", data.undo_url, data.id);
        if (next) focusItem(next); else showEmptyIfDone();
      })
      .catch(function () {
        card.removeAttribute("aria-busy");
        showToast("The decision could not be sent (no connection?). Nothing changed; try again.", "error");
      });
  });

  function undoLast() {
    if (!lastDecision || toastUndo.hidden) return;
    var decision = lastDecision;
    var body = new FormData();
    body.append("csrf_token", csrfToken());
    toastUndo.disabled = true;
    postJson(decision.undoUrl, body)
      .then(function (data) {
        toastUndo.disabled = false;
        if (data === null) { window.location.reload(); return; }
        if (!data.ok) { showToast(data.message, "error"); return; }
        lastDecision = null;
        var anchor = decision.next && decision.next.parentNode === decision.parent ? decision.next : null;
        decision.parent.insertBefore(decision.card, anchor);
        countInReview(1);
        showEmptyIfDone();
        showToast(data.message, "success");
        focusItem(decision.card);
      })
      .catch(function () {
        toastUndo.disabled = false;
        showToast("The undo could not be sent (no connection?). Try again.", "error");
      });
  }
  toastUndo.addEventListener("click", undoLast);

  function toggleHelp(show) {
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) help.querySelector("button").focus();
  }

  document.getElementById("close-help").addEventListener("click", function () { toggleHelp(false); });

  function click(item, selector) {
    var control = item && item.querySelector(selector);
    if (control) control.click();
    return control;
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.matches("input[type=text], input:not([type]), textarea, select");
    if (event.key === "Escape" && !help.hidden) { toggleHelp(false); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    var item = focusedItem();
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "?": toggleHelp(); break;
      case "a": click(item, '[data-action="approve"]'); break;
      case "f": click(item, '[data-action="feature"]'); break;
      case "r":
        var reason = item && item.querySelector('[data-action="reject"]');
        if (reason) reason.focus();
        break;
      case "x":
        var box = item && item.querySelector('input[name="ids"]');
        if (box) box.checked = !box.checked;
        break;
      case "o": click(item, "h2 a"); break;
      case "u":
        if (!toastUndo.hidden) undoLast();
        else click(document, '[data-shortcut="u"]:not([hidden])');
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
    // The page's own filters go along, so only new items this page would show are counted.
    var query = new URLSearchParams(window.location.search);
    query.set("after", newest);
    fetch(queue.dataset.pollUrl + "?" + query.toString(), { headers: { Accept: "application/json" }, credentials: "same-origin" })
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
        var freshCount = doc.getElementById("in-review-count");
        var count = document.getElementById("in-review-count");
        if (freshCount && count) count.replaceWith(freshCount);
        newest = parseInt(freshQueue.dataset.newest, 10) || newest;
        banner.hidden = true;
        lastDecision = null;
        hideToast();
        focusItem(items()[0]);
      });
  });
  window.setInterval(poll, parseInt(queue.dataset.pollMs, 10) || 10000);
})();
