/* The LIX under a field, updated while the person types.

   Optional: the form shows the score of the text it was given without this
   (readability/forms.py). Each region names its field and the endpoint;
   the text is scored by POST @readability, so the browser counts nothing
   itself and the numbers are the server's. */
(function () {
  "use strict";
  if (window.opgavegrupperReadability) {
    return;
  }
  window.opgavegrupperReadability = true;

  var WAIT = 700; // ms after the last keystroke

  function format(lix) {
    var lang = document.documentElement.lang || undefined;
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(lix);
  }

  function show(region, result) {
    var score = region.querySelector(".readability-score");
    var warning = region.querySelector(".readability-warning");
    if (result.lix === null) {
      score.textContent = region.dataset.textEmpty;
    } else {
      score.textContent = region.dataset.textScore
        .replace("${lix}", format(result.lix))
        .replace("${band}", result.band);
    }
    warning.hidden = !result.above_threshold;
  }

  function ask(region, text) {
    fetch(region.dataset.readabilityUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({
        text: text,
        html: region.dataset.readabilityHtml === "true",
      }),
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (result) {
        if (result) {
          show(region, result);
        }
      })
      .catch(function () {
        /* The score of the saved text stays shown. */
      });
  }

  function watch(region) {
    var timer = null;
    var field = document.getElementsByName(region.dataset.readabilityFor)[0];
    if (!field) {
      return;
    }
    function later(text) {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        ask(region, text());
      }, WAIT);
    }
    field.addEventListener("input", function () {
      later(function () {
        return field.value;
      });
    });
    // Rich text: TinyMCE edits an iframe and writes the textarea on save.
    if (window.tinymce && window.tinymce.on) {
      window.tinymce.on("AddEditor", function (event) {
        var editor = event.editor;
        if (editor.getElement() !== field) {
          return;
        }
        editor.on("input change", function () {
          later(function () {
            return editor.getContent();
          });
        });
      });
    }
  }

  function start() {
    document
      .querySelectorAll(".opgavegrupper-readability[data-readability-for]")
      .forEach(watch);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
