/*
  Homeroom's author preview (only under `mkdocs serve`, never in a published page).

  1. Escape hides the plain words shown for a jargon term, until the term is left
     (content that appears on hover or focus must be dismissable: WCAG 1.4.13).
  2. Live reload. `mkdocs serve` reloads a page when its files change with an inline
     script, which the site's Content-Security-Policy blocks (script-src 'self' and the
     theme's own hashes). That script stays in the page, unrun: its text gives the build's
     number, and this file, served by the site itself, asks the server the same question
     (`/livereload/<build>/<id>`: answered when a newer build is ready). Without that
     script (`mkdocs serve --no-livereload`) nothing is asked.
*/
(function () {
  "use strict";

  document.addEventListener("keydown", function (event) {
    var term = document.activeElement;
    if (event.key === "Escape" && term && term.classList.contains("hr-term")) {
      term.classList.add("hr-dismissed");
    }
  });
  var undismiss = function (event) {
    if (event.target.classList && event.target.classList.contains("hr-term")) {
      event.target.classList.remove("hr-dismissed");
    }
  };
  document.addEventListener("focusout", undismiss);
  document.addEventListener("mouseout", undismiss);

  var found = null;
  var scripts = document.querySelectorAll("script:not([src])");
  for (var i = 0; i < scripts.length && !found; i++) {
    found = /livereload\((\d+),\s*(\d+)\);\s*$/.exec(scripts[i].textContent);
  }
  if (!found) return;
  var epoch = Number(found[1]);
  var request = found[2];
  var xhr = null;
  var timer = null;

  var poll = function () {
    stop();
    xhr = new XMLHttpRequest();
    xhr.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else if (xhr === this) {
        timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    xhr.open("GET", "/livereload/" + epoch + "/" + request);
    xhr.send();
  };
  var stop = function () {
    var pending = xhr;
    xhr = null;
    if (pending) pending.abort();
    if (timer) clearTimeout(timer);
    timer = null;
  };
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll();
    else stop();
  });
  window.addEventListener("beforeunload", stop);
  if (document.visibilityState === "visible") poll();
})();
