// Autosave for the organisation profile (the loop itself is autosave-loop.js): the whole form (every section) is posted a moment after typing stops,
// and the server saves each section that changed, with that section's own version. The answer says, per section,
// the new version or why it was not saved; the page never replaces what was typed, it only updates versions and
// messages. A section refused (too long, or saved by someone else meanwhile) shows why at the field, and the
// person is warned before leaving while anything typed is not saved.
(() => {
  const form = document.getElementById("profile-form");
  if (!form || form.dataset.autosave !== "on") return;

  const part = (section, role) => section.querySelector(`[data-role='${role}']`);

  function show(section, result) {
    const textarea = section.querySelector("textarea");
    const select = section.querySelector("select");
    const onFile = result.field === "attachmentId";
    textarea.classList.toggle("is-invalid", !result.saved && !onFile);
    select.classList.toggle("is-invalid", !result.saved && onFile);
    part(section, "error").textContent = !result.saved && !onFile ? result.message : "";
    part(section, "file-error").textContent = !result.saved && onFile ? result.message : "";
    const theirs = part(section, "theirs");
    if (result.saved) {
      part(section, "version").value = result.version;
      part(section, "original").value = result.original;
      part(section, "saved-by").textContent = result.savedBy;
      theirs.hidden = true;
    } else if (result.theirsVersion !== null && result.theirsVersion !== undefined) {
      // Someone else saved this section: show their text beside ours; the next save replaces it knowingly.
      part(section, "theirs-text").textContent = result.theirsText;
      part(section, "version").value = result.theirsVersion;
      theirs.hidden = false;
    }
  }

  window.pmqaAutosave(form, async (response, loop) => {
    if (!response.ok) throw new Error(String(response.status));
    const result = await response.json();
    let refused = 0;
    for (const r of result.sections) {
      const section = form.querySelector(`[data-section='${CSS.escape(r.code)}']`);
      if (!section) continue;
      show(section, r);
      if (!r.saved) refused++;
    }
    if (refused > 0) {
      loop.dirty = true;
      loop.say(loop.thai ? `ยังไม่ได้บันทึก ${refused} หัวข้อ: ดูข้อความที่หัวข้อนั้น` : `${refused} section(s) not saved: see the message at the section`);
    } else {
      loop.saved(result.at);
    }
  });
})();
