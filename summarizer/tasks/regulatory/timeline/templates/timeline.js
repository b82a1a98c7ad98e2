// The timeline page's behaviour (inlined into the page by summarizer.timeline.views; the page's
// CSP admits this script by hash). Every marker, table row link and history entry names the card
// it opens in data-card; the card has that id. Without this script the links still work (#id).
(() => {
  "use strict";
  document.documentElement.classList.add("js");
  const cards = Array.from(document.querySelectorAll(".detail"));
  const links = Array.from(document.querySelectorAll("[data-card]"));

  function open(id, focus) {
    const card = document.getElementById(id);
    if (!card || !card.classList.contains("detail")) return false;
    cards.forEach((c) => c.classList.toggle("open", c === card));
    links.forEach((l) => l.classList.toggle("active", l.dataset.card === id));
    card.scrollIntoView({ block: "nearest" });
    if (focus) card.focus({ preventScroll: true });
    return true;
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-card]");
    if (link && open(link.dataset.card, false)) {
      event.preventDefault();
      history.replaceState(null, "", "#" + link.dataset.card);
    }
  });
  window.addEventListener("hashchange", () => open(location.hash.slice(1), true));
  if (location.hash) open(decodeURIComponent(location.hash.slice(1)), true);

  // the calendar: all dates, or only the open ones
  const filter = document.getElementById("calendar-filter");
  const count = document.getElementById("calendar-count");
  const rows = Array.from(document.querySelectorAll("#calendar-table tbody tr"));
  if (filter) {
    filter.addEventListener("change", () => {
      let shown = 0;
      rows.forEach((row) => {
        row.hidden = filter.value === "open" && row.dataset.open !== "1";
        if (!row.hidden) shown += 1;
      });
      count.textContent = `${shown} of ${rows.length} shown`;
    });
  }
})();
