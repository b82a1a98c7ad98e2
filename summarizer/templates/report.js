// The HTML report's behaviour (inlined into the page by summarizer.reports; the page's CSP
// admits this script by hash). Claims and highlights are linked through ids: a claim element has
// id == data-span, and every highlight lists the ids of the claims quoting it in data-spans.
(() => {
  "use strict";
  const tip = document.getElementById("tip");
  const marksOf = (id) =>
    Array.from(document.querySelectorAll(`mark.hl[data-spans~="${CSS.escape(id)}"]`));
  const innermost = (mark) => mark.dataset.spans.split(" ").pop();
  let active = [];
  let previewed = [];

  function activate(id) {
    active.forEach((el) => {
      el.classList.remove("active");
      delete el.dataset.active;
    });
    const claim = document.getElementById(id);
    const marks = marksOf(id);
    active = claim ? [claim, ...marks] : marks;
    active.forEach((el) => el.classList.add("active"));
    // a passage quoted by several claims shows the colour of the one selected
    if (claim) marks.forEach((mark) => { mark.dataset.active = claim.dataset.field; });
    return { claim, marks };
  }

  // claim -> quote: highlight every segment of its quote and scroll the first into view
  function showQuote(id) {
    const { marks } = activate(id);
    if (marks.length) marks[0].scrollIntoView({ block: "center", inline: "nearest" });
  }

  // quote -> claim: select the innermost claim quoting this passage and bring it into view
  function showClaim(mark) {
    const { claim } = activate(innermost(mark));
    if (claim) {
      claim.scrollIntoView({ block: "nearest" });
      claim.focus({ preventScroll: true });
    }
  }

  document.addEventListener("click", (event) => {
    const mark = event.target.closest(".source mark.hl");
    if (mark) return showClaim(mark);
    const claim = event.target.closest("[data-span]");
    if (claim) showQuote(claim.dataset.span);
  });

  document.addEventListener("keydown", (event) => {
    const claim = event.target.closest && event.target.closest("[data-span]");
    if (claim && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      showQuote(claim.dataset.span);
    }
  });

  function placeTip(event) {
    const pad = 14;
    const box = tip.getBoundingClientRect();
    let x = event.clientX + pad;
    let y = event.clientY + pad;
    if (x + box.width > window.innerWidth - 4) x = Math.max(4, event.clientX - box.width - pad);
    if (y + box.height > window.innerHeight - 4) y = Math.max(4, event.clientY - box.height - pad);
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
  }

  // hover a highlight: a tooltip names every claim quoting it, innermost (the one a click
  // selects) first; hover a claim: preview its quote
  document.addEventListener("mouseover", (event) => {
    previewed.forEach((el) => el.classList.remove("preview"));
    previewed = [];
    const mark = event.target.closest(".source mark.hl");
    if (mark) {
      tip.replaceChildren(...mark.dataset.spans.split(" ").reverse().map((id) => {
        const claim = document.getElementById(id);
        const line = document.createElement("div");
        line.className = `tip-line f-${claim ? claim.dataset.field : "finding"}`;
        line.textContent = claim ? claim.dataset.label : id;
        return line;
      }));
      tip.hidden = false;
      placeTip(event);
      return;
    }
    tip.hidden = true;
    const claim = event.target.closest("[data-span]");
    if (claim) {
      previewed = marksOf(claim.dataset.span);
      previewed.forEach((el) => el.classList.add("preview"));
    }
  });
  document.addEventListener("mousemove", (event) => {
    if (!tip.hidden) placeTip(event);
  });

  // index table: sort by any column, filter by text and direction
  const table = document.getElementById("index-table");
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const heads = Array.from(table.tHead.rows[0].cells);
  const cellValue = (row, i, kind) => {
    const cell = row.cells[i];
    return kind === "num" ? Number(cell.dataset.value) : cell.textContent.trim().toLowerCase();
  };
  heads.forEach((th, i) => {
    th.querySelector("button").addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      heads.forEach((h) => h.setAttribute("aria-sort", "none"));
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const kind = th.dataset.kind;
      const sorted = rows.slice().sort((a, b) => {
        const x = cellValue(a, i, kind);
        const y = cellValue(b, i, kind);
        const order = kind === "num" ? x - y : String(x).localeCompare(String(y));
        return (ascending ? order : -order) || cellValue(a, 0, "num") - cellValue(b, 0, "num");
      });
      body.append(...sorted);
    });
  });
  const query = document.getElementById("index-filter");
  const direction = document.getElementById("index-direction");
  const count = document.getElementById("index-count");
  function filter() {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach((row) => {
      const text = row.textContent.toLowerCase();
      const ok = words.every((w) => text.includes(w)) &&
        (!direction.value || row.dataset.direction === direction.value);
      row.hidden = !ok;
      shown += ok ? 1 : 0;
    });
    count.textContent = `${shown} of ${rows.length} shown`;
  }
  query.addEventListener("input", filter);
  direction.addEventListener("change", filter);
})();
