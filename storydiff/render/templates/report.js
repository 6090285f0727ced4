(function () {
  "use strict";
  var SAFE_ID = /^[A-Za-z0-9_-]+$/;
  var status = document.getElementById("status");
  var back = document.getElementById("back-to-point");
  var selected = null;

  function ids(value) {
    return (value || "").split(/\s+/).filter(function (id) { return SAFE_ID.test(id); });
  }

  function say(text) {
    if (status) { status.textContent = text; }
  }

  function clear() {
    document.querySelectorAll(".stmt.hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll('[aria-pressed="true"]').forEach(function (el) {
      el.setAttribute("aria-pressed", "false");
    });
    if (back) { back.hidden = true; }
    selected = null;
  }

  // A sentence to show must be in a shown, open column: a filtered-out outlet is shown again
  // and a folded article opened.
  function showColumnOf(el) {
    var column = el.closest(".article");
    if (!column) { return; }
    if (column.hidden) { setShown(column.getAttribute("data-col"), true); }
    var fold = column.querySelector("details.article-fold");
    if (fold && !fold.open) { fold.open = true; }
  }

  function highlight(targets) {
    clear();
    var firsts = [];
    targets.forEach(function (id) {
      document.querySelectorAll('[data-sid="' + id + '"]').forEach(function (el) {
        el.classList.add("hl");
      });
      var first = document.getElementById(id);
      if (first) {
        showColumnOf(first);
        firsts.push(first);
      }
    });
    say(firsts.length === 1
      ? "Highlighted 1 sentence in the articles."
      : "Highlighted " + firsts.length + " sentences in the articles.");
    return firsts;
  }

  // Each column scrolls on its own, so every highlighted sentence can be in view at once.
  function revealInColumn(el) {
    var box = el.closest(".article-body");
    if (!box || box.scrollHeight <= box.clientHeight) { return false; }
    var offset = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += offset - box.clientHeight / 3;
    return true;
  }

  function select(control) {
    var firsts = highlight(ids(control.getAttribute("data-targets")));
    if (control.hasAttribute("aria-pressed")) {
      control.setAttribute("aria-pressed", "true");
      selected = control;
      if (back) { back.hidden = false; }
    }
    if (!firsts.length) { return; }
    var column = firsts[0].closest(".article");
    var scrolled = firsts.map(revealInColumn);
    if (column && scrolled[0]) {
      column.scrollIntoView({ block: "start", inline: "nearest" });
    } else {
      firsts[0].scrollIntoView({ block: "center", inline: "nearest" });
    }
  }

  document.addEventListener("click", function (event) {
    var control = event.target instanceof Element ? event.target.closest("[data-targets]") : null;
    if (!control) { return; }
    if (control.tagName === "A") { event.preventDefault(); }
    select(control);
  });

  // A summary sentence opens its evidence where it stands, and lights the same sentences in
  // the articles without leaving the summary; closing it puts the highlight out.
  document.addEventListener("toggle", function (event) {
    var finding = event.target;
    if (!(finding instanceof Element) || !finding.matches("details.finding")) { return; }
    if (finding.hasAttribute("data-print-open")) {
      // Opened for printing, not by the reader.
      if (!finding.open) { finding.removeAttribute("data-print-open"); }
      return;
    }
    if (finding.open) {
      highlight(ids(finding.getAttribute("data-evidence")));
      selected = finding;
    } else if (selected === finding) {
      clear();
      say("Highlight cleared.");
    }
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.querySelector(".stmt.hl, [aria-pressed=\"true\"]")) {
      clear();
      say("Highlight cleared.");
    }
  });

  if (back) {
    back.addEventListener("click", function (event) {
      if (!selected) { return; }
      event.preventDefault();
      selected.scrollIntoView({ block: "center" });
      selected.focus({ preventScroll: true });
    });
  }

  // Outlets shown: each box shows or hides one article's column, its only-in list and its
  // column in every table.
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".outlet-filter input[data-col]"));
  var count = document.getElementById("filter-count");

  function setShown(col, shown) {
    if (!SAFE_ID.test(col || "")) { return; }
    document.querySelectorAll('[data-col="' + col + '"]').forEach(function (el) {
      if (el.tagName === "INPUT") { el.checked = shown; } else { el.hidden = !shown; }
    });
    if (count) {
      var on = boxes.filter(function (box) { return box.checked; }).length;
      count.textContent = "(" + on + " of " + boxes.length + " shown)";
    }
  }

  boxes.forEach(function (box) {
    box.addEventListener("change", function () { setShown(box.getAttribute("data-col"), box.checked); });
  });
  document.querySelectorAll(".outlet-filter [data-show]").forEach(function (button) {
    button.addEventListener("click", function () {
      boxes.forEach(function (box) { setShown(box.getAttribute("data-col"), true); });
    });
  });

  // Print everything: the folded parts too, then put the page back as the reader left it.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
      return !d.open && !d.classList.contains("outlet-filter");
    });
    opened.forEach(function (d) {
      d.setAttribute("data-print-open", "");
      d.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
}());
