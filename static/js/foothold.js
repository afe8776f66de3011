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

  // Tables marked data-sortable: each column heading with data-sort becomes a
  // button that sorts the rows by the cells' data-value (blank ones last).
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var body = table.tBodies[0];
    var headings = table.querySelectorAll("th[data-sort]");
    headings.forEach(function (heading, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = heading.textContent;
      heading.textContent = "";
      heading.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = heading.getAttribute("aria-sort") !== "ascending";
        var numeric = heading.dataset.sort === "number";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].dataset.value;
          var y = b.cells[column].dataset.value;
          if (x === "" || y === "") return (x === "") - (y === "");
          var order = numeric ? x - y : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
        heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
    });
  });

  // Pay by state: the visitor's state is marked in the chart and the table and
  // kept in this browser (never a cookie or the URL, so the page stays cacheable).
  var picker = document.querySelector("[data-state-picker]");
  if (picker) {
    var select = picker.querySelector("[data-state-select]");
    var said = picker.querySelector("[data-state-summary]");
    var STATE_KEY = "foothold:state";
    var choose = function (code) {
      document.querySelectorAll("[data-state]").forEach(function (item) {
        item.classList.toggle("is-chosen", item.dataset.state === code);
      });
      var row = code && document.querySelector("tr[data-state='" + code + "']");
      said.textContent = row
        ? row.cells[0].textContent + ": median " + row.cells[1].textContent
        : "";
    };
    var remembered = "";
    try { remembered = localStorage.getItem(STATE_KEY) || ""; } catch (error) {}
    if (remembered && select.querySelector("option[value='" + remembered + "']")) {
      select.value = remembered;
      choose(remembered);
    }
    select.addEventListener("change", function () {
      try { localStorage.setItem(STATE_KEY, select.value); } catch (error) {}
      choose(select.value);
    });
    picker.hidden = false;
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
