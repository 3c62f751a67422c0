/* Participatory budgeting: the ballot's sum, updated as the voter ticks projects.
 *
 * The page works without this: the button "Räkna om" sends the choices and the page comes back with the money left.
 * Here the same two lines of the status region (#ballot-sum, aria-live) are rewritten on every change.
 */
(function () {
  "use strict";

  function kronor(amount) {
    return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var form = document.querySelector("form.ballot");
    var sum = document.getElementById("ballot-sum");
    if (!form || !sum) return;
    var budget = parseInt(form.getAttribute("data-budget"), 10);
    var boxes = form.querySelectorAll("input[type=checkbox][data-cost]");
    var total = sum.querySelector("p");
    var left = sum.querySelector(".ballot-left strong");

    function update() {
      var chosen = 0;
      boxes.forEach(function (box) {
        if (box.checked) chosen += parseInt(box.getAttribute("data-cost"), 10);
      });
      var over = chosen > budget;
      total.textContent = form.getAttribute("data-label-total")
        .replace("%(total)s", kronor(chosen))
        .replace("%(amount)s", kronor(budget));
      left.textContent = over
        ? form.getAttribute("data-label-over")
        : form.getAttribute("data-label-left").replace("%(left)s", kronor(budget - chosen));
      sum.classList.toggle("ballot-sum--over", over);
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", update);
    });
  });
})();
