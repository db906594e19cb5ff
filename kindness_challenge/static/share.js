// The share form's enhancements: a live character counter, and a gentle kindness nudge while
// typing (debounced; the draft is scored, never stored). Without JavaScript the form works the
// same and the nudge happens on submit instead.
(function () {
  "use strict";
  var form = document.getElementById("share-form");
  var area = document.getElementById("text");
  if (!form || !area) return;

  // The page's words in its language (rendered by the server: kindness_challenge/i18n.py).
  var words = JSON.parse(document.getElementById("i18n").textContent);
  var plurals = new Intl.PluralRules(words.locale);
  var numbers = new Intl.NumberFormat(words.locale);
  function say(forms, count) {
    var text = forms[plurals.select(count)] || forms.other;
    return text.replace("{num}", numbers.format(count));
  }

  // Length as the server counts it (core/text/length.py): user-perceived characters (grapheme
  // clusters) of the trimmed text. Without Intl.Segmenter, code points: the server decides.
  var out = document.querySelector('[data-counter-for="text"]');
  var max = parseInt(area.getAttribute("data-max-length"), 10);
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  function textLength(value) {
    var text = value.trim();
    if (!segmenter) return Array.from(text).length;
    var n = 0;
    for (var it = segmenter.segment(text)[Symbol.iterator](), step = it.next(); !step.done; step = it.next()) n += 1;
    return n;
  }
  window.kindnessTextLength = textLength;
  function count() {
    var left = max - textLength(area.value);
    out.textContent = left >= 0 ? say(words.chars_left, left) : say(words.chars_too_many, -left);
    out.classList.toggle("counter-low", left < 30);
  }
  area.addEventListener("input", count);
  count();

  var problems = document.getElementById("form-problems");
  var nudgePanel = document.getElementById("nudge");
  if (problems) problems.focus();
  else if (nudgePanel) nudgePanel.focus();
  var edit = document.getElementById("nudge-edit");
  if (edit) edit.addEventListener("click", function () { area.focus(); });

  var live = document.getElementById("live-nudge");
  var token = form.querySelector('input[name="csrf_token"]');
  var timer = null;
  var last = "";
  function check() {
    var text = area.value.trim();
    if (text === last) return;
    last = text;
    if (text.length < 3) { live.hidden = true; return; }
    fetch(form.dataset.nudgeUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.value : "" },
      body: JSON.stringify({ text: text })
    })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        live.textContent = data.flagged ? data.message : "";
        live.hidden = !data.flagged;
      })
      .catch(function () { /* the nudge is only advice */ });
  }
  area.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 700);
  });
})();
