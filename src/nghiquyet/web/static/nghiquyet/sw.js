/* nghiquyet service worker: the entry grid opens without a network.
 *
 * - static files: served from the cache, refreshed in the background;
 * - pages: from the network, a copy kept; without a network the kept copy (the entry
 *   page a village head opened before), else the offline page;
 * - writes (POST) are never touched here: the entry page queues them in IndexedDB
 *   and sends them when the link returns (figures/entry.js). */
"use strict";
var STATIC = "nq-static-v1";
var PAGES = "nq-pages";
var PRECACHE = /*PRECACHE*/[];
var OFFLINE = PRECACHE[PRECACHE.length - 1];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (c) { return c.addAll(PRECACHE); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== STATIC && k !== PAGES; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function keepsPage(url) {
  // Only the entry grid (and the home page) are kept: they are what a village head
  // opens in the field. Other pages need a network.
  return /\/resolutions\/\d+\/entry\/$/.test(url.pathname) || url.pathname === "/";
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.open(STATIC).then(function (cache) {
      return cache.match(request).then(function (hit) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) cache.put(request, response.clone());
          return response;
        }).catch(function () { return hit; });
        return hit || fresh;
      });
    }));
    return;
  }
  if (request.mode !== "navigate") return;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && keepsPage(url) && !response.redirected) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.open(PAGES).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || cache.match(request, { ignoreSearch: true });
      });
    }).then(function (hit) {
      return hit || caches.match(OFFLINE);
    });
  }));
});
