// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }
});

// Pages with work in progress update themselves while the box is ticked (WCAG 2.2.1: the reader can stop it).
document.addEventListener("DOMContentLoaded", function () {
  var area = document.querySelector("[data-auto-refresh]");
  if (!area) { return; }
  var control = area.querySelector("[data-auto-refresh-control]");
  var box = control.querySelector("input");
  var key = "delaktig-auto-refresh";
  box.checked = window.sessionStorage.getItem(key) !== "off";
  control.hidden = false;
  var timer = null;
  function schedule() {
    window.clearTimeout(timer);
    if (box.checked) {
      timer = window.setTimeout(function () { window.location.reload(); }, 1000 * Number(area.dataset.autoRefresh));
    }
  }
  box.addEventListener("change", function () {
    window.sessionStorage.setItem(key, box.checked ? "on" : "off");
    schedule();
  });
  schedule();
});
