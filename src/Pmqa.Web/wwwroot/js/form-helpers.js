// Small helpers every form page can load:
// - a character counter under each text field that has a maxlength (the limit comes from the attribute, which
//   the server's TextLimits table fills), turning red when the text is over the limit;
// - Thai digits (๐–๙) typed into a number field become 0–9 as they are typed (the server accepts both too).
(() => {
  const thai = document.documentElement.lang === "th";
  const format = (n) => n.toLocaleString(thai ? "th-TH" : "en-GB");

  function addCounter(field) {
    const max = Number(field.getAttribute("maxlength"));
    if (!max || field.type === "hidden" || field.dataset.counter === "off") return;
    const counter = document.createElement("div");
    counter.className = "form-text text-end char-counter";
    counter.id = `${field.id || field.name}-counter`;
    const feedback = field.nextElementSibling?.classList.contains("invalid-feedback") ? field.nextElementSibling : field;
    feedback.after(counter);
    const update = () => {
      const length = field.value.length;
      counter.textContent = thai ? `${format(length)} / ${format(max)} ตัวอักษร` : `${format(length)} / ${format(max)} characters`;
      counter.classList.toggle("text-danger", length > max);
    };
    field.addEventListener("input", update);
    update();
  }

  const thaiDigits = /[\u0E50-\u0E59]/g;
  function acceptThaiDigits(field) {
    field.addEventListener("input", () => {
      if (!thaiDigits.test(field.value)) return;
      thaiDigits.lastIndex = 0;
      const caret = field.selectionStart;
      field.value = field.value.replace(thaiDigits, (d) => String(d.charCodeAt(0) - 0x0E50));
      if (caret !== null) field.setSelectionRange(caret, caret); // same length: the caret stays where it was
    });
  }

  document.querySelectorAll("textarea[maxlength], input[maxlength]").forEach(addCounter);
  document.querySelectorAll("input[inputmode=decimal], input[inputmode=numeric], input[data-number]").forEach(acceptThaiDigits);

  // A copy button (data-copy-target = the id of a read-only field): copies the field, says so on the button.
  document.querySelectorAll("button[data-copy-target]").forEach((button) => button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copyTarget);
    if (!field) return;
    field.select();
    try { await navigator.clipboard.writeText(field.value); } catch { document.execCommand?.("copy"); }
    if (button.dataset.done) button.textContent = button.dataset.done;
  }));
})();
