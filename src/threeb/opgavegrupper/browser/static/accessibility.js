/* Names for what Plone's widgets leave unnamed, on every page of the site.

   Plone's own markup cannot be changed from an add-on without copying its
   templates, so the few elements that axe finds without an accessible name
   get one here, when they appear (TinyMCE builds its editor after the page
   has loaded):
   - the text format menu under a rich text field;
   - TinyMCE's editing frame (title) and its resize handle (a focusable
     separator needs its value);
   - the role checkboxes of the sharing page, named by role and person;
   - a file input whose label Plone's image widget leaves out (portrait);
   - the toolbar's pin button, a link without an address (role="button"),
     and its links on a phone, where only their icons show;
   - fields named only by their tooltip (the sharing page's and the search
     page's search fields, "Vælg alle" on the publishing page) get a real,
     visually hidden <label> with the tooltip's words;
   - a field's label that names no field (the publishing page's dates) is
     tied to the one field beside it.
   Every name comes from text already on the page, in the page's language. */
(function () {
  "use strict";

  var danish = (document.documentElement.lang || "").slice(0, 2) === "da";
  var FORMAT = danish ? "tekstformat" : "text format";
  var EDITOR = danish ? "tekstfelt" : "text editor";

  function text(element) {
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function fieldLabel(element) {
    var field = element.closest(".field, [id^='formfield-']");
    var label = field && field.querySelector("label, .form-label");
    return text(label).replace(/\s*\*$/, "");
  }

  function nameFormatMenus(root) {
    root.querySelectorAll("select[id$='_text_format']").forEach(function (select) {
      if (!select.getAttribute("aria-label")) {
        select.setAttribute("aria-label", (fieldLabel(select) + " – " + FORMAT).trim());
      }
    });
  }

  function nameEditors(root) {
    root.querySelectorAll("iframe.tox-edit-area__iframe").forEach(function (frame) {
      if (!frame.getAttribute("title")) {
        frame.setAttribute("title", (fieldLabel(frame) + " – " + EDITOR).trim());
      }
    });
    root.querySelectorAll(".tox-statusbar__resize-handle").forEach(function (handle) {
      if (handle.getAttribute("role") === "separator" || !handle.getAttribute("aria-valuenow")) {
        handle.setAttribute("aria-valuenow", "50");
        handle.setAttribute("aria-valuemin", "0");
        handle.setAttribute("aria-valuemax", "100");
      }
    });
  }

  function nameFileInputs(root) {
    // Plone's image widget (the portrait on the personal information page)
    // hides its file input's label behind radio buttons.
    root.querySelectorAll("input[type='file']").forEach(function (input) {
      if (!input.getAttribute("aria-label") && !(input.labels && input.labels.length)) {
        input.setAttribute("aria-label", fieldLabel(input));
      }
    });
  }

  function nameSharingCheckboxes(root) {
    var table = root.querySelector("#user-group-sharing");
    if (!table) {
      return;
    }
    var headers = Array.prototype.map.call(
      table.querySelectorAll("thead th"),
      function (th) { return text(th); }
    );
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var person = text(row.querySelector("td"));
      Array.prototype.forEach.call(row.children, function (cell, index) {
        cell.querySelectorAll("input[type='checkbox']").forEach(function (box) {
          if (!box.getAttribute("aria-label") && !box.labels.length) {
            box.setAttribute("aria-label", (headers[index] || "") + ": " + person);
          }
        });
      });
    });
  }

  var made = 0;
  function idOf(control) {
    if (!control.id) {
      do {
        made += 1;
        control.id = "opgavegrupper-field-" + made;
      } while (document.querySelectorAll("#" + control.id).length > 1);
    }
    return control.id;
  }

  function unnamed(control) {
    return !(control.labels && control.labels.length) &&
      !control.getAttribute("aria-label") &&
      !control.getAttribute("aria-labelledby");
  }

  var CONTROLS = "input:not([type='hidden']):not([type='submit'])" +
    ":not([type='button']):not([type='reset']):not([type='image']), select, textarea";

  function labelTitledControls(root) {
    // A tooltip is no label: a screen reader may skip it, a phone never
    // shows it, and it is gone once the field has a value.
    root.querySelectorAll(
      "input[title]:not([type='hidden']):not([type='submit']):not([type='button'])" +
      ":not([type='reset']):not([type='image']), select[title], textarea[title]"
    ).forEach(function (control) {
      var words = control.getAttribute("title").replace(/\s+/g, " ").trim();
      if (!words || !unnamed(control)) {
        return;
      }
      var label = document.createElement("label");
      label.className = "visually-hidden";
      label.htmlFor = idOf(control);
      label.textContent = words;
      // Outside Bootstrap's input group, whose first and last children
      // get the rounded corners.
      var place = control.closest(".input-group") || control;
      place.parentNode.insertBefore(label, place);
    });
  }

  function tieFieldLabels(root) {
    root.querySelectorAll(".field label:not([for])").forEach(function (label) {
      if (label.control) {
        return;
      }
      var controls = label.closest(".field").querySelectorAll(CONTROLS);
      if (controls.length === 1 && unnamed(controls[0])) {
        label.htmlFor = idOf(controls[0]);
      }
    });
  }

  function mendToolbar(root) {
    // On a narrow screen the toolbar shows icons only (its labels are
    // display: none): the label's words become the link's name.
    root.querySelectorAll("#edit-zone a").forEach(function (link) {
      var words = text(link);
      if (words && !link.getAttribute("aria-label")) {
        link.setAttribute("aria-label", words);
      }
    });
    root.querySelectorAll("a.toolbar-collapse:not([href])").forEach(function (link) {
      link.setAttribute("role", "button");
      if (!link.hasAttribute("tabindex")) {
        link.setAttribute("tabindex", "0");
        // A button answers Enter and Space, as the link answered a click.
        link.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            link.click();
          }
        });
      }
    });
  }

  function mend() {
    nameFormatMenus(document);
    nameEditors(document);
    nameSharingCheckboxes(document);
    nameFileInputs(document);
    tieFieldLabels(document);
    labelTitledControls(document);
    mendToolbar(document);
    document.documentElement.setAttribute("data-opgavegrupper-a11y", "ready");
  }

  var pending = false;
  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        mend();
      });
    }
  }

  function start() {
    mend();
    new MutationObserver(schedule).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
