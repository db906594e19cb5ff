// The wall for visitors: hearts without a page load, and "Load more moments" appending the next
// page's cards in place. Progressive enhancement only: a heart is a plain form (POST, then back
// to the page), and "Older moments" is a plain link to the next page.
(function () {
  "use strict";
  var status = document.getElementById("wall-status");

  function announce(text) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // The page's words in its language (rendered by the server: kindness_challenge/i18n.py).
  var words = JSON.parse(document.getElementById("i18n").textContent);
  var plurals = new Intl.PluralRules(words.locale);
  var numbers = new Intl.NumberFormat(words.locale);
  function say(forms, count) {
    var text = forms[plurals.select(count)] || forms.other;
    return text.replace("{num}", numbers.format(count));
  }

  // --- hearts: every button of the moment (it may be both featured and on the wall) ----------
  function showHeart(id, hearted, count) {
    var buttons = document.querySelectorAll('.heart-button[data-moment-id="' + id + '"]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.setAttribute("aria-pressed", hearted ? "true" : "false");
      button.querySelector(".heart-count").textContent = numbers.format(count);
      button.querySelector(".heart-noun").textContent = " " + say(words.heart_noun, count);
      button.form.elements.hearted.value = hearted ? "0" : "1";
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-heart-form]")) return;
    event.preventDefault();
    var button = form.querySelector(".heart-button");
    if (button.getAttribute("aria-busy") === "true") return;
    button.setAttribute("aria-busy", "true");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) {
        if (!response.ok) throw response.status;
        return response.json();
      })
      .then(function (data) {
        showHeart(data.id, data.hearted, data.count);
        announce(say(data.hearted ? words.hearted : words.unhearted, data.count));
      })
      .catch(function (code) {
        announce(code === 429 ? words.heart_slow_down : words.heart_failed);
      })
      .then(function () { button.removeAttribute("aria-busy"); });
  });

  // --- load more ------------------------------------------------------------------------------
  var wall = document.querySelector("[data-wall]");
  var older = document.querySelector("a[data-load-more]");
  if (!wall || !older) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = "button button-secondary load-more";
  button.textContent = words.load_more;
  older.hidden = true;
  older.parentNode.appendChild(button);

  function finished() {
    button.remove();
    older.remove();
    var done = document.createElement("p");
    done.className = "muted";
    done.textContent = words.all_loaded;
    wall.parentNode.insertBefore(done, wall.nextSibling);
  }

  button.addEventListener("click", function () {
    if (button.getAttribute("aria-busy") === "true") return;
    button.setAttribute("aria-busy", "true");
    button.textContent = words.loading;
    fetch(older.getAttribute("data-load-more"), { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw response.status;
        return response.text();
      })
      .then(function (html) {
        var fragment = document.createElement("template");
        fragment.innerHTML = html;
        var cards = fragment.content.querySelectorAll("article.moment");
        var first = cards[0];
        Array.prototype.forEach.call(cards, function (card) { wall.appendChild(card); });
        var next = fragment.content.querySelector("a[data-next]");
        if (next) {
          older.href = next.getAttribute("href");
          older.setAttribute("data-load-more", next.getAttribute("data-load-more"));
          button.textContent = words.load_more;
          button.removeAttribute("aria-busy");
        } else {
          finished();
        }
        announce(say(words.more_loaded, cards.length));
        if (first) {
          // Keyboard users carry on from the first new card, not from the end of the page.
          first.setAttribute("tabindex", "-1");
          first.focus();
        }
      })
      .catch(function () {
        // Fall back to the plain link: it always works.
        button.remove();
        older.hidden = false;
        announce(words.load_failed);
      });
  });
})();
