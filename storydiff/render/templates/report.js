(function () {
  "use strict";
  var SAFE_ID = /^[A-Za-z0-9_-]+$/;
  var status = document.getElementById("status");
  var back = document.getElementById("back-to-point");
  var selected = null;

  function targetIds(control) {
    return (control.getAttribute("data-targets") || "").split(/\s+/).filter(function (id) {
      return SAFE_ID.test(id);
    });
  }

  function clear() {
    document.querySelectorAll(".stmt.hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll('[aria-pressed="true"]').forEach(function (el) {
      el.setAttribute("aria-pressed", "false");
    });
    if (back) { back.hidden = true; }
    selected = null;
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
    var ids = targetIds(control);
    clear();
    var firsts = [];
    ids.forEach(function (id) {
      document.querySelectorAll('[data-sid="' + id + '"]').forEach(function (el) {
        el.classList.add("hl");
      });
      var first = document.getElementById(id);
      if (first) { firsts.push(first); }
    });
    if (control.hasAttribute("aria-pressed")) {
      control.setAttribute("aria-pressed", "true");
      selected = control;
      if (back) { back.hidden = false; }
    }
    if (status) {
      status.textContent = firsts.length === 1
        ? "Highlighted 1 sentence in the articles."
        : "Highlighted " + firsts.length + " sentences in the articles.";
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

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.querySelector(".stmt.hl, [aria-pressed=\"true\"]")) {
      clear();
      if (status) { status.textContent = "Highlight cleared."; }
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

  // Print everything: the removed lines too, then put the page back as the reader left it.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
}());
