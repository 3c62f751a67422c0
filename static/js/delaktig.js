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

// Typing in a form counts as activity: the login's idle timeout (30 minutes) counts from the last keystroke, so
// nobody is logged out, and loses what they wrote, while writing a long text. At most one request in five minutes.
document.addEventListener("DOMContentLoaded", function () {
  var url = document.body.dataset.keepAlive;
  if (!url) { return; }
  var last = Date.now();
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!token || Date.now() - last < 5 * 60 * 1000) { return; }
    last = Date.now();
    window.fetch(url, { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": token.value } });
  });
});

// A box after each password field shows what was typed (OWASP ASVS 2.1.12), for those who type on a phone.
document.addEventListener("DOMContentLoaded", function () {
  var text = document.body.dataset.showPassword;
  if (!text) { return; }
  document.querySelectorAll("input[type=password]").forEach(function (field, index) {
    var label = document.createElement("label");
    label.className = "show-password";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = "show-password-" + index;
    label.htmlFor = box.id;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + text));
    box.addEventListener("change", function () { field.type = box.checked ? "text" : "password"; });
    field.insertAdjacentElement("afterend", label);
  });
});
