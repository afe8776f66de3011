// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Move keyboard and screen-reader focus to a form's error summary.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    // A link in the summary puts the cursor in its field, not just scrolls to
    // it, and shows the field's label too (a fragment link does neither).
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      var field = target.matches("input, select, textarea")
        ? target
        : target.querySelector("input, select, textarea");
      if (!field) return;
      event.preventDefault();
      var group = field.closest(".field") || field;
      group.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  // Close an open <details> menu on Escape or a click elsewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
    });
  });
  // After htmx moves a card on the tracker board, keep keyboard focus on it.
  document.body.addEventListener("htmx:afterSettle", function () {
    var moved = document.querySelector("[data-moved] select");
    if (moved) moved.focus();
  });

  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });

  // Rows of links that scroll sideways on a phone (the tracker's tabs, a
  // guide's "Jump to"): bring the current one into view.
  function centreInRow(row, item) {
    if (!item || row.scrollWidth <= row.clientWidth) return;
    var offset = item.getBoundingClientRect().left - row.getBoundingClientRect().left;
    row.scrollLeft += offset - (row.clientWidth - item.offsetWidth) / 2;
  }
  document.querySelectorAll("[data-scroll-to-current]").forEach(function (row) {
    centreInRow(row, row.querySelector("[aria-current]"));
  });

  // Wide screens always show the tracker's filters; CSS does it where the
  // browser can style a <details>'s content, this where it cannot.
  var wide = window.matchMedia("(min-width: 48rem)");
  if (wide.matches && !CSS.supports("selector(::details-content)")) {
    document.querySelectorAll("details.filter-fold").forEach(function (fold) {
      fold.setAttribute("open", "");
    });
  }

  // Guides: mark the table-of-contents entry for the chapter being read.
  var toc = document.querySelector("[data-toc]");
  if (toc && "IntersectionObserver" in window) {
    var list = toc.querySelector("ol");
    var links = {};
    toc.querySelectorAll("a[href^='#']").forEach(function (link) {
      links[link.getAttribute("href").slice(1)] = link;
    });
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          Object.keys(links).forEach(function (id) {
            links[id].removeAttribute("aria-current");
          });
          links[entry.target.id].setAttribute("aria-current", "true");
          centreInRow(list, links[entry.target.id]);
        });
      },
      { rootMargin: "0px 0px -70% 0px" }
    );
    Object.keys(links).forEach(function (id) {
      var target = document.getElementById(id);
      if (target) observer.observe(target);
    });
  }

  // Print every collapsed answer, for browsers that cannot do it with CSS alone.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-opened-for-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("[data-opened-for-print]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-opened-for-print");
    });
  });
})();
