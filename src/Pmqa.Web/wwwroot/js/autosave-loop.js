// The save loop shared by the issue form (autosave.js) and the organisation profile (profile-autosave.js):
// a change is posted a moment after typing stops (300 ms after a change, 1.2 s after typing), one save at a time,
// retried every 5 s while the server cannot be reached, with a warning before leaving while anything typed is
// not saved. What an answer means is the page's own: `answer(response, loop)` reads it, updates the page and sets
// `loop.dirty` when what was typed is still not accepted; it throws when the save did not happen at all.
window.pmqaAutosave = (form, answer) => {
  const status = document.getElementById("autosave-status");
  const thai = document.documentElement.lang === "th";
  let timer = null;
  let saving = false;

  const loop = {
    thai,
    dirty: false, // something typed that the server has not accepted yet
    say(text) { if (status) status.textContent = text; },
    // "Saved" only when nothing new was typed while the save was on its way.
    saved(at) { if (!loop.dirty) loop.say((thai ? "บันทึกอัตโนมัติแล้ว " : "Saved automatically ") + at); },
  };

  async function save() {
    if (saving) { schedule(); return; }
    saving = true;
    loop.dirty = false;
    loop.say(thai ? "กำลังบันทึก…" : "Saving…");
    try {
      const response = await fetch(form.dataset.autosaveUrl, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      await answer(response, loop);
    } catch {
      loop.dirty = true;
      loop.say(thai ? "ยังไม่ได้บันทึก: ติดต่อเซิร์ฟเวอร์ไม่ได้ จะลองใหม่" : "Not saved: the server cannot be reached; retrying");
      schedule(5000);
    } finally {
      saving = false;
    }
  }

  function schedule(delay = 1200) {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; save(); }, delay);
  }

  form.addEventListener("change", () => { loop.dirty = true; schedule(300); });
  form.addEventListener("input", () => { loop.dirty = true; loop.say(thai ? "มีการแก้ไขที่ยังไม่บันทึก" : "Unsaved changes"); schedule(); });
  form.addEventListener("submit", () => { clearTimeout(timer); timer = null; loop.dirty = false; });
  window.addEventListener("beforeunload", (e) => { if (loop.dirty || timer || saving) { e.preventDefault(); e.returnValue = ""; } });
  return loop;
};
