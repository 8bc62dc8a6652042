// Print buttons: the CSP allows no inline handlers.
document.querySelectorAll("[data-print]").forEach((b) => b.addEventListener("click", () => window.print()));
