/* Keyboard use on small screens: the phone and tablet menu as a real button (WCAG 2.1.1, 2.4.3, 4.1.2).
   Material opens its navigation drawer with a <label for="__drawer">, which a mouse or finger can use
   but a keyboard cannot reach. This swaps in a <button> that toggles the same checkbox, so the CSS that
   slides the drawer in is unchanged, and without JavaScript the label still works as before.
   Open: focus moves to the first link in the drawer. Escape: the drawer closes and focus returns. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " hub-menu-button";
  button.setAttribute("aria-controls", "hub-drawer");
  button.setAttribute("aria-label", "Menu");
  button.innerHTML = label.innerHTML;  // Material's own icon, already in the page
  drawer.id = drawer.id || "hub-drawer";
  label.replaceWith(button);

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  function set(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));  // setting .checked fires no event; sync() below listens for it
    sync();
  }
  function firstLink() { return drawer.querySelector("a[href], [tabindex]:not([tabindex='-1'])"); }

  button.addEventListener("click", function () {
    set(!toggle.checked);
    if (toggle.checked) {
      // The drawer becomes visible at once (hub.css); focus it after the browser has drawn it.
      requestAnimationFrame(function () { var link = firstLink(); if (link) link.focus(); });
    }
  });
  toggle.addEventListener("change", sync);
  // Tabbing out of the open drawer closes it: what lies under the drawer's shade would be focused unseen.
  document.addEventListener("focusin", function (event) {
    if (toggle.checked && event.target !== button && !drawer.contains(event.target)) set(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
  sync();
})();
