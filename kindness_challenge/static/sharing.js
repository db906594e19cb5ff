// Share a moment's page: the Web Share API where the browser has it (phones), else copy the
// link to the clipboard. Without JavaScript the link is there to select and copy by hand.
(function () {
  "use strict";
  // The page's words in its language (rendered by the server: kindness_challenge/i18n.py).
  var block = document.getElementById("i18n");
  var words = block ? JSON.parse(block.textContent) : {};
  function word(key, english) { return words[key] || english; }
  function copy(url, field) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(url);
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-share]"), function (box) {
    var button = box.querySelector("[data-share-button]");
    var field = box.querySelector(".share-url");
    var status = box.querySelector(".share-status");
    var url = box.getAttribute("data-url");
    var canShare = typeof navigator.share === "function";
    button.textContent = canShare ? word("share", "Share…") : word("copy_link", "Copy link");
    button.hidden = false;
    function say(text) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
    button.addEventListener("click", function () {
      if (canShare) {
        navigator.share({ title: box.getAttribute("data-title"), url: url })
          .then(function () { say(word("share_thanks", "Thank you for sharing.")); })
          .catch(function (error) { if (!error || error.name !== "AbortError") say(word("share_failed", "Sharing did not work here: copy the link above.")); });
        return;
      }
      copy(url, field)
        .then(function () { say(word("link_copied", "Link copied. Paste it anywhere to share.")); })
        .catch(function () { field.select(); say(word("copy_by_hand", "Press Ctrl+C (or ⌘+C) to copy the selected link.")); });
    });
  });
})();
