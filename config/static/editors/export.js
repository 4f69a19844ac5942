"use strict";
// "Select all" on the export page. django-import-export wires it with an inline onchange
// attribute, which the admin's Content-Security-Policy (no inline script) blocks; our copy of
// the template has no handler and this file binds one. It ticks the fields of its own resource.
document.addEventListener("change", (event) => {
  const toggle = event.target.closest(".select-toggle");
  if (!toggle) {
    return;
  }
  const index = toggle.dataset.resourceIndex;
  document.querySelectorAll(`.selectable-field-export-row[resource-index="${index}"] input[type="checkbox"]`)
    .forEach((checkbox) => { checkbox.checked = toggle.checked; });
});
