// Autosave for the issue form: a change is saved a moment after typing stops. The server keeps the
// version; when it has moved on (someone else saved) or the input is invalid, the form is submitted
// normally so the page shows the conflict screen or the errors beside the fields. Nothing is lost.
(() => {
  const form = document.getElementById("issue-form");
  if (!form || form.dataset.autosave !== "on") return;
  const status = document.getElementById("autosave-status");
  const say = (text) => { if (status) status.textContent = text; };
  const thai = document.documentElement.lang === "th";
  let timer = null;
  let saving = false;

  async function save() {
    if (saving) { schedule(); return; }
    saving = true;
    say(thai ? "กำลังบันทึก…" : "Saving…");
    try {
      const response = await fetch(form.dataset.autosaveUrl, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      if (response.ok) {
        const result = await response.json();
        form.querySelector("input[name=Version]").value = result.version;
        document.getElementById("live-score").textContent = result.score;
        document.getElementById("live-level").textContent = result.level;
        form.querySelectorAll("[data-uncounted]").forEach((el) => { el.hidden = !result.uncounted.includes(el.dataset.uncounted); });
        say((thai ? "บันทึกอัตโนมัติแล้ว " : "Saved automatically ") + result.at);
      } else {
        form.requestSubmit();
      }
    } catch {
      say(thai ? "ยังไม่ได้บันทึก: ติดต่อเซิร์ฟเวอร์ไม่ได้ จะลองใหม่" : "Not saved: the server cannot be reached; retrying");
      schedule(5000);
    } finally {
      saving = false;
    }
  }

  function schedule(delay = 1200) {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }

  form.addEventListener("change", () => schedule(300));
  form.addEventListener("input", () => { say(thai ? "มีการแก้ไขที่ยังไม่บันทึก" : "Unsaved changes"); schedule(); });
  window.addEventListener("beforeunload", (e) => { if (timer && !saving && status?.textContent.includes(thai ? "ยังไม่บันทึก" : "Unsaved")) e.preventDefault(); });
})();
