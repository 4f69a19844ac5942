"use strict";
// One more empty paragraph box on request: the form brings a single empty box, so without this
// an editor could add only one paragraph per save. No inline script: the admin's CSP forbids it.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".paragraphs .paragraph-add").forEach((button) => { button.hidden = false; });
});

document.addEventListener("click", (event) => {
  const button = event.target.closest(".paragraph-add");
  if (!button) {
    return;
  }
  const group = button.closest(".paragraphs");
  const boxes = group.querySelectorAll(".paragraph");
  const copy = boxes[boxes.length - 1].cloneNode(true);
  const area = copy.querySelector("textarea");
  const label = copy.querySelector("label");
  area.value = "";
  area.removeAttribute("id");
  label.removeAttribute("for");
  label.textContent = "新段落";
  group.insertBefore(copy, button);
  area.focus();
});
