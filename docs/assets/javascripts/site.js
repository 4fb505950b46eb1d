// Keep the #anchor when switching language: the page carries a map from its anchors
// to the other language's (written by scripts/site_hooks.py).
(function () {
  function translatedHash() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash) return "";
    var element = document.getElementById("anchor-map");
    var map = element ? JSON.parse(element.textContent) : {};
    return "#" + encodeURIComponent(map[hash] || hash);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || !window.location.hash) return;
    event.preventDefault();
    var target = link.getAttribute("href").split("#")[0] + translatedHash();
    window.location.href = target;
  });
})();
