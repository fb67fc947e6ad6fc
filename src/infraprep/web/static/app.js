// infraprep's only script: drag-and-drop for the CV, progress while a report is made,
// and a confirmation before delete. The page works without it (plain form posts).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const drop = document.getElementById("cv-drop");
  const input = document.getElementById("cv");
  const chosen = document.getElementById("cv-chosen");
  const showChosen = () => {
    if (chosen && input && input.files && input.files.length) {
      chosen.textContent = "Chosen: " + input.files[0].name;
    }
  };
  if (drop && input) {
    input.addEventListener("change", showChosen);
    ["dragenter", "dragover"].forEach((type) =>
      drop.addEventListener(type, (event) => {
        event.preventDefault();
        drop.classList.add("over");
      })
    );
    ["dragleave", "drop"].forEach((type) =>
      drop.addEventListener(type, () => drop.classList.remove("over"))
    );
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      const files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length) {
        input.files = files;
        showChosen();
      }
    });
  }

  const form = document.getElementById("make");
  const progress = document.getElementById("progress");
  if (form && progress) {
    form.addEventListener("submit", () => {
      const button = document.getElementById("submit");
      const text = document.getElementById("progress-text");
      const url = document.getElementById("jd_url");
      if (button) button.disabled = true;
      if (text && url && url.value.trim()) {
        text.textContent = "Fetching the job posting, then reading your CV…";
      }
      progress.hidden = false;
    });
    // Coming back with the browser's Back button must not leave the form disabled.
    window.addEventListener("pageshow", () => {
      const button = document.getElementById("submit");
      if (button) button.disabled = false;
      progress.hidden = true;
    });
  }

  document.querySelectorAll("form[data-confirm]").forEach((f) =>
    f.addEventListener("submit", (event) => {
      if (!window.confirm(f.dataset.confirm)) event.preventDefault();
    })
  );
});
