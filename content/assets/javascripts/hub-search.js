/* The site search box (theme_overrides/partials/search.html) driven by Pagefind.
 *
 * Pagefind's script and index are fetched the first time someone types or opens the search, never on a
 * plain page visit, and then only the index chunks a query needs. Result text comes from the pages,
 * which come from data: it is written into the page as text (textContent), never as HTML, except for
 * Pagefind's <mark> around the words found, rebuilt here as elements. No inline handlers, same-origin
 * files only, so a strict Content-Security-Policy holds.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-hub-search]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var form = box.querySelector("form");
  var input = box.querySelector("input[name=query]");
  var status = box.querySelector("[role=status]");
  var list = box.querySelector("ol");
  var PAGE = 10;  // results drawn at a time; each needs one small fragment file
  var words = box.dataset;
  var pagefind = null;  // the module's promise, once loaded
  var results = [];
  var shown = 0;
  var more = null;

  function say(text) { status.textContent = text; }

  function load() {
    if (!pagefind) {
      var bundle = new URL(box.dataset.hubSearch, document.baseURI);
      pagefind = import(bundle.href).then(function (module) {
        // Result addresses relative to the site's root, wherever the site is hosted.
        return module.options({ baseUrl: new URL("../", bundle).pathname }).then(function () { return module; });
      });
      pagefind.catch(function () { pagefind = null; say(words.hubFailed); });
    }
    return pagefind;
  }

  // Setting .checked alone fires no change event; the listener below (focus the box when the search opens,
  // whether by this script or by a tap on the search icon's label) needs one.
  function set(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change"));
  }
  function open() { set(true); }
  function close() { set(false); }

  // Pagefind marks the words found with <mark>; everything else in an excerpt is page text.
  function excerpt(into, html) {
    var doc = new DOMParser().parseFromString(html, "text/html");  // inert: nothing in it runs or loads
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h2");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var text = document.createElement("p");
    excerpt(text, data.excerpt || "");
    article.append(title, text);
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function showMore() {
    var next = results.slice(shown, shown + PAGE);
    shown += next.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      pages.forEach(function (data) { list.appendChild(item(data)); });
      if (more) { more.remove(); more = null; }
      if (shown < results.length) {
        more = document.createElement("button");
        more.type = "button";
        more.className = "md-button hub-search__more";
        more.textContent = words.hubMore;
        more.addEventListener("click", function () {
          var from = shown;  // focus the first new result, so keyboard users carry on from there
          showMore().then(function () { links()[from].focus(); });
        });
        list.after(more);
      }
    });
  }

  function search() {
    var query = input.value.trim();
    open();
    // Which query the drawn results answer (none while a new one is searched): a page, or a test, can
    // tell the results of the whole query from those of the letters typed so far.
    list.removeAttribute("data-hub-query");
    if (!query) {
      list.replaceChildren();
      if (more) { more.remove(); more = null; }
      say(words.hubTyping);
      return;
    }
    say(words.hubLoading);
    load().then(function (module) {
      return module.debouncedSearch(query, {}, 250);
    }).then(function (found) {
      if (!found || input.value.trim() !== query) return;  // a newer query has taken over
      results = found.results;
      shown = 0;
      list.replaceChildren();
      var n = results.length;
      say(n === 0 ? words.hubNone : n === 1 ? words.hubOne : words.hubMany.replace("#", n));
      return showMore().then(function () {
        if (input.value.trim() === query) list.setAttribute("data-hub-query", query);
      });
    }).catch(function () { say(words.hubFailed); });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  var quiet = false;  // focus put back in the box by Escape does not open the search again
  input.addEventListener("focus", function () { if (!quiet) { open(); load(); } quiet = false; });
  input.addEventListener("input", search);
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();  // Enter opens the first result, as in Material's search
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); }, 0);
  });

  // Arrow keys move between the box and the results; Escape closes the search.
  box.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length || (at < 0 && document.activeElement !== input)) return;
      event.preventDefault();
      var next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
      (next < 0 ? input : all[next]).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
      if (document.activeElement !== input) { quiet = true; input.focus(); }
    }
  });
  // "/", "s" or "f" anywhere but in a text field opens the search, as in Material's own search.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
      input.focus();
    }
  });
  // Focus that leaves the search (Tab past the last result, a click elsewhere) closes it,
  // so the open results never hide the focused element.
  box.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) close();
  });
})();
