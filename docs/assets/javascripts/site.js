// Site behaviour: keep the #anchor when switching language, and draw the charts.
(function () {
  "use strict";

  // --- Language switcher keeps the anchor --------------------------------------------
  // Each page carries a map from its anchors to the other language's
  // (written by scripts/site_hooks.py).
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
    window.location.href = link.getAttribute("href").split("#")[0] + translatedHash();
  });

  // --- Charts ------------------------------------------------------------------------
  var CONFIG = {
    responsive: true,
    displaylogo: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    plotlyServerURL: "",
    displayModeBar: "hover",
    modeBarButtons: [["toImage"]],
    scrollZoom: false
  };

  function textColour() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    return scheme === "slate" ? "#e2e4e9" : "#1f2328";
  }

  function wrap(text, width) {
    var lines = [];
    text.split(" ").forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= width) lines[last] += " " + word;
      else lines.push(word);
    });
    return lines.join("<br>");
  }

  // On a phone, a two-level axis (item, then group) leaves little room for the bars:
  // keep only the group names on the axis and write each item's name above its bars.
  function compactTwoLevelAxis(spec) {
    var y = spec.data[0] && spec.data[0].y;
    if (!Array.isArray(y) || !Array.isArray(y[0])) return;
    var items = y[0], groups = y[1];
    var keys = items.map(function (item, i) { return item + "\u2002\u2003" + groups[i]; });
    spec.data.forEach(function (trace) { trace.y = keys; });
    spec.layout.yaxis.tickmode = "array";
    spec.layout.yaxis.tickvals = keys;
    spec.layout.yaxis.ticktext = groups;
    spec.layout.yaxis.dividerwidth = 0;
    spec.layout.annotations = spec.layout.annotations || [];
    var seen = {}, lines = 0;
    // Categories run bottom-up, so the last key of an item is its top bar.
    for (var i = keys.length - 1; i >= 0; i--) {
      if (seen[items[i]]) continue;
      seen[items[i]] = true;
      var label = wrap(items[i].replace(/<br>/g, " "), 36);
      lines += label.split("<br>").length;
      spec.layout.annotations.push({
        xref: "paper", x: 0, xanchor: "left", y: keys[i], yanchor: "bottom", yshift: 9,
        text: "<b>" + label + "</b>", showarrow: false,
        align: "left", font: { size: 11 }
      });
    }
    spec.layout.height += 18 * lines;
    spec.layout.bargap = 0.45;
  }

  function draw(figure) {
    if (figure.dataset.drawn || !window.Plotly) return;
    var plot = figure.querySelector(".chart-plot");
    var spec = JSON.parse(figure.querySelector("script.chart-data").textContent);
    // Fewer ticks on a phone, so the axis labels do not run together.
    if (plot.clientWidth < 500 && spec.layout.xaxis.dtick === 25) spec.layout.xaxis.dtick = 50;
    if (plot.clientWidth < 600) compactTwoLevelAxis(spec);
    spec.layout.font.color = textColour();
    (spec.layout.annotations || []).forEach(function (note) {
      note.font = Object.assign({}, note.font, { color: textColour() });
    });

    figure.dataset.drawn = "true";
    window.Plotly.newPlot(plot, spec.data, spec.layout, CONFIG).then(function () {
      figure.dataset.rendered = "true";
    });
  }

  function visible(figure) {
    return figure.offsetParent !== null;
  }

  function setup() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.chart"));
    if (!figures.length) return;
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting && visible(entry.target)) {
            draw(entry.target);
            observer.unobserve(entry.target);
          }
        });
      }, { rootMargin: "200px 0px" });
      figures.forEach(function (figure) { observer.observe(figure); });
    } else {
      figures.forEach(draw);
    }
    // Charts inside collapsed blocks or tabs: draw or resize when they are shown.
    document.addEventListener("toggle", function (event) {
      if (!event.target.open) return;
      event.target.querySelectorAll("figure.chart").forEach(function (figure) {
        if (figure.dataset.drawn) window.Plotly.Plots.resize(figure.querySelector(".chart-plot"));
        else draw(figure);
      });
    }, true);
    // Follow the light/dark palette switch.
    new MutationObserver(function () {
      figures.forEach(function (figure) {
        if (!figure.dataset.drawn) return;
        var plot = figure.querySelector(".chart-plot");
        var update = { "font.color": textColour() };
        (plot.layout.annotations || []).forEach(function (note, index) {
          update["annotations[" + index + "].font.color"] = textColour();
        });
        window.Plotly.relayout(plot, update);
      });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  // Embed snippets: the site has no fixed address, so make the iframe URL absolute here.
  function setupEmbeds() {
    document.querySelectorAll("code.embed-code").forEach(function (code) {
      var url = new URL(code.dataset.embedPath, window.location.href).href;
      code.textContent = '<iframe src="' + url + '" width="100%" height="700" title="' +
        code.dataset.embedTitle + '" loading="lazy"></iframe>';
    });
  }

  function start() { setup(); setupEmbeds(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
