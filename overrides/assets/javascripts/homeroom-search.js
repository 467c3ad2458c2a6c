/*
 * Homeroom: download the search index only when a reader opens search.
 *
 * Material starts its search worker and fetches search/search_index.json (with
 * XMLHttpRequest) as soon as a page loads, and the index grows with the site: at 2,000
 * pages it outweighs the page itself. This holds both back until the search box gets
 * focus, its toggle opens, or a search shortcut key is pressed; messages for the worker
 * wait in a queue meanwhile. Everything else is untouched. Without JavaScript nothing
 * here runs and nothing is downloaded.
 */
(function () {
  "use strict";
  var opened = false;
  var waiting = [];
  var INDEX = /\/search\/search_index\.json(\?.*)?$/;

  function openSearch() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }

  // The search worker, started on first use; it forwards its messages to Material.
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    var target = new EventTarget();
    var queue = [];
    var worker = null;
    target.postMessage = function (message) {
      if (worker) worker.postMessage(message);
      else queue.push(message);
    };
    target.terminate = function () { if (worker) worker.terminate(); };
    waiting.push(function () {
      worker = new RealWorker(url, options);
      worker.addEventListener("message", function (event) {
        target.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      worker.addEventListener("error", function () {
        target.dispatchEvent(new Event("error"));
      });
      queue.splice(0).forEach(function (message) { worker.postMessage(message); });
    });
    return target;
  }
  window.Worker = function (url, options) {
    if (!opened && /\/workers\/search\.[^/]*\.js$/.test(String(url))) {
      return LazyWorker(url, options);
    }
    return new RealWorker(url, options);
  };

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.homeroomUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!opened && INDEX.test(request.homeroomUrl || "")) {
      waiting.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches(".md-search__input")) openSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") openSearch();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" || event.key === "s" || event.key === "f") openSearch();
  }, true);
})();
