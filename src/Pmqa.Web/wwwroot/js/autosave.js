// Autosave for the issue form (the loop itself is autosave-loop.js). The server keeps the version.
// An invalid draft is not saved: the answer names the wrong fields and the message appears at each of them,
// with everything typed (ticks included) left as it is and a warning before leaving. When the version has moved
// on (someone else saved), the form is submitted normally so the page shows the conflict screen with both
// versions. A message goes as soon as its cause does: a successful save clears the field errors and the
// conflict banner.
(() => {
  const form = document.getElementById("issue-form");
  if (!form || form.dataset.autosave !== "on") return;

  function feedbackOf(field) {
    const id = (field.getAttribute("aria-describedby") || "").split(" ").find((x) => x.endsWith("-error"));
    return id ? document.getElementById(id) : null;
  }

  function clearErrors() {
    form.querySelectorAll(".is-invalid").forEach((el) => {
      el.classList.remove("is-invalid");
      const feedback = feedbackOf(el);
      if (feedback) feedback.textContent = "";
    });
    document.getElementById("form-error")?.remove();
  }

  function showErrors(errors) {
    clearErrors();
    const general = [];
    for (const [name, message] of Object.entries(errors || {})) {
      const field = name ? form.querySelector(`[name='${CSS.escape(name)}']`) : null;
      const feedback = field ? feedbackOf(field) : null;
      if (field && feedback) {
        field.classList.add("is-invalid");
        feedback.textContent = message;
      } else {
        general.push(message);
      }
    }
    if (general.length > 0) {
      const box = document.createElement("div");
      box.id = "form-error";
      box.className = "alert alert-danger";
      box.setAttribute("role", "alert");
      box.textContent = general.join(" ");
      form.prepend(box);
    }
  }

  window.pmqaAutosave(form, async (response, loop) => {
    if (response.ok) {
      const result = await response.json();
      form.querySelector("input[name=Version]").value = result.version;
      document.getElementById("live-score").textContent = result.score;
      document.getElementById("live-level").textContent = result.level;
      form.querySelectorAll("[data-uncounted]").forEach((el) => { el.hidden = !result.uncounted.includes(el.dataset.uncounted); });
      clearErrors();
      document.getElementById("conflict")?.remove(); // merged and saved: the two versions are one again
      loop.saved(result.at);
    } else if (response.status === 400) {
      loop.dirty = true;
      showErrors((await response.json()).errors);
      loop.say(loop.thai ? "ยังไม่ได้บันทึก: แก้ไขช่องที่มีข้อความแจ้งก่อน สิ่งที่คุณแก้ไขยังอยู่ครบ" : "Not saved: correct the fields marked; everything you changed is still here");
    } else if (response.status === 409) {
      loop.dirty = false;
      form.requestSubmit();
    } else {
      throw new Error(String(response.status));
    }
  });
})();
