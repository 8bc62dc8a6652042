// What-if mode of the path page: each tick or untick asks the page's WhatIf handler (which only scores, never
// saves) for the total, the level, the site-visit line and the category scores, and shows them. Without this
// script the form still works: its button posts and the page comes back with the same figures.
(() => {
  const form = document.getElementById("what-if");
  if (!form) return;
  const show = (id, text) => { const el = document.getElementById(id); if (el) el.textContent = text; };
  let timer = null;
  let asked = 0;

  async function score() {
    const mine = ++asked;
    const response = await fetch(form.action, {
      method: "POST", body: new FormData(form), headers: { Accept: "application/json", "X-Requested-With": "fetch" },
    });
    if (!response.ok || mine !== asked) return; // a later change has its own answer coming
    const figures = await response.json();
    show("wi-total", figures.total);
    show("wi-status", figures.status);
    const line = document.getElementById("wi-sitevisit");
    if (line) {
      line.textContent = figures.siteVisitText;
      line.classList.toggle("text-success", figures.siteVisit);
      line.classList.toggle("text-body-secondary", !figures.siteVisit);
    }
    for (const [code, value] of Object.entries(figures.categories)) {
      const cell = form.ownerDocument.querySelector(`[data-wi-category='${CSS.escape(code)}']`);
      if (cell) cell.textContent = value;
    }
  }

  const later = () => { clearTimeout(timer); timer = setTimeout(score, 200); };
  form.addEventListener("change", later);
  form.addEventListener("submit", (event) => { event.preventDefault(); score(); });

  const apply = form.querySelector("[data-apply-path]");
  if (apply) {
    apply.hidden = false;
    apply.addEventListener("click", () => {
      const codes = new Set(apply.dataset.applyPath.split(" "));
      form.querySelectorAll("input[name='Tick']").forEach((box) => { if (codes.has(box.value)) box.checked = true; });
      score();
    });
  }
})();
