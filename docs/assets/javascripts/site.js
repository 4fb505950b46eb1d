// Site behaviour: keep the #anchor when switching language, and make a chart
// interactive when a reader asks for it.
(function () {
  "use strict";

  // --- Language switcher keeps the anchor --------------------------------------------
  // Each page carries a map from its anchors to the other language's
  // (written by scripts/website/hooks.py).
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
  // Every chart of a table block and of the comparison page is on the page as a static
  // SVG (scripts/website/renders.py), the wide or the phone layout as the box allows
  // (site.css). Its
  // "Interaktiv" button loads plotly.js (this site's pinned copy, only then) and draws
  // the same figure (the JSON beside it) in the layout that was shown; pressed again,
  // the image is back. A chart with no static image (none rendered) is drawn when it
  // scrolls into view.
  var SCRIPT = document.currentScript && document.currentScript.src;
  var PLOTLY = SCRIPT
    ? SCRIPT.replace(/javascripts\/site\.js(\?.*)?$/, "vendor/plotly-basic-4.1.1.min.js")
    : "";
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
  // Text beside the bars in each colour scheme (chart_design.yaml `text`); the numbers
  // inside bars keep the colour chosen for their segment.
  var TEXT = { light: "#1f2328", dark: "#e2e4e9" };
  var statics = new WeakMap(); // figure -> its static SVG while the chart is interactive
  var boxes = new WeakMap(); // figure -> its .chart-plot's style while interactive

  function textColour() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    return scheme === "slate" ? TEXT.dark : TEXT.light;
  }

  var plotlyLoading = null;
  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = PLOTLY;
        script.async = true;
        script.onload = function () {
          if (window.Plotly) resolve(window.Plotly);
          else reject(new Error("plotly.js loaded without Plotly"));
        };
        script.onerror = function () {
          plotlyLoading = null;
          script.remove();
          reject(new Error("could not load " + PLOTLY));
        };
        document.head.appendChild(script);
      });
    }
    return plotlyLoading;
  }

  function narrowShown(figure) {
    var narrow = figure.querySelector(".chart-narrow");
    return !!narrow && window.getComputedStyle(narrow).display !== "none";
  }

  function spec(figure, phone) {
    var element = phone && figure.querySelector("script.chart-data-phone");
    return JSON.parse((element || figure.querySelector("script.chart-data")).textContent);
  }

  // A figure laid out in pixels (scripts/website/charts.py), scaled as its static SVG
  // is in the page: sizes, margins, offsets and fonts times `factor`.
  var FONTS = ["font", "tickfont", "textfont", "insidetextfont", "outsidetextfont"];
  function scaleFonts(node, factor) {
    if (Array.isArray(node)) { node.forEach(function (n) { scaleFonts(n, factor); }); return; }
    if (!node || typeof node !== "object") return;
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if (FONTS.indexOf(key) >= 0 && value && typeof value.size === "number") value.size *= factor;
      scaleFonts(value, factor);
    });
  }
  function scaled(figureSpec, width, height) {
    var layout = figureSpec.layout;
    var factor = width / layout.width;
    if (Math.abs(factor - 1) < 0.001) return figureSpec;
    layout.width = width;
    layout.height = height;
    ["l", "r", "t", "b"].forEach(function (side) { layout.margin[side] *= factor; });
    (layout.annotations || []).forEach(function (note) {
      if (note.xshift) note.xshift *= factor;
      if (note.yshift) note.yshift *= factor;
    });
    (layout.shapes || []).forEach(function (shape) {
      if (shape.xsizemode === "pixel") { shape.x0 *= factor; shape.x1 *= factor; }
      if (shape.ysizemode === "pixel") { shape.y0 *= factor; shape.y1 *= factor; }
    });
    figureSpec.data.forEach(function (trace) {
      if (trace.marker && typeof trace.marker.size === "number") trace.marker.size *= factor;
    });
    scaleFonts(figureSpec, factor);
    return figureSpec;
  }

  // Draw a figure into the chart's .chart-plot, text in the page's colour scheme: a
  // figure with a static image in the image's box (`size`), any other as Plotly lays
  // it out.
  function plot(figure, phone, size) {
    var target = figure.querySelector(".chart-plot");
    var figureSpec = spec(figure, phone);
    var layout = figureSpec.layout;
    if (size && layout.width) figureSpec = scaled(figureSpec, size.width, size.height);
    layout.font = Object.assign({}, layout.font, { color: textColour() });
    return window.Plotly.newPlot(target, figureSpec.data, layout, CONFIG);
  }

  function say(figure, message) {
    var status = figure.querySelector(".chart-status");
    if (!status) {
      status = document.createElement("span");
      status.className = "chart-status";
      status.setAttribute("role", "status");
      figure.querySelector(".chart-controls").appendChild(status);
    }
    status.textContent = message;
  }

  function makeInteractive(figure, button) {
    var target = figure.querySelector(".chart-plot");
    var phone = narrowShown(figure);
    var shown = (phone ? figure.querySelector(".chart-narrow") : target).querySelector("svg");
    var label = button.textContent;
    button.disabled = true;
    button.textContent = button.dataset.loading;
    figure.setAttribute("aria-busy", "true");
    loadPlotly()
      .then(function () {
        var image = target.firstElementChild;
        var box = shown.getBoundingClientRect();
        var size = { width: Math.floor(box.width), height: Math.round(box.height) };
        // The box was the wide render's (chart.html); now it is the shown one's.
        boxes.set(figure, target.getAttribute("style") || "");
        target.style.aspectRatio = "auto";
        target.style.maxWidth = size.width + "px";
        target.style.minHeight = size.height + "px";
        figure.dataset.rendered = "false";
        figure.dataset.mode = "interactive";
        if (image) {
          statics.set(figure, image);
          target.removeChild(image);
        }
        return plot(figure, phone, size);
      })
      .then(function () {
        figure.dataset.rendered = "true";
        button.setAttribute("aria-pressed", "true");
        say(figure, "");
      })
      .catch(function () {
        makeStatic(figure, button);
        say(figure, button.dataset.failed);
      })
      .then(function () {
        target.style.minHeight = "";
        figure.removeAttribute("aria-busy");
        button.disabled = false;
        button.textContent = label;
      });
  }

  function makeStatic(figure, button) {
    var target = figure.querySelector(".chart-plot");
    if (window.Plotly && target.classList.contains("js-plotly-plot")) window.Plotly.purge(target);
    target.textContent = "";
    var image = statics.get(figure);
    if (image) target.appendChild(image);
    if (boxes.has(figure)) target.setAttribute("style", boxes.get(figure));
    statics.delete(figure);
    boxes.delete(figure);
    figure.dataset.mode = "static";
    figure.dataset.rendered = "true";
    button.setAttribute("aria-pressed", "false");
  }

  function setupButtons(figures) {
    if (!PLOTLY) return;
    figures.forEach(function (figure) {
      var button = figure.querySelector("button.chart-interactive");
      if (!button) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-pressed") === "true") makeStatic(figure, button);
        else makeInteractive(figure, button);
      });
    });
  }

  // Charts without a static image: drawn as they come into view.
  function drawWhenSeen(figures) {
    if (!figures.length || !PLOTLY) return;
    function draw(figure) {
      if (figure.dataset.drawn) return;
      figure.dataset.drawn = "true";
      loadPlotly()
        .then(function () { return plot(figure, false); })
        .then(function () { figure.dataset.rendered = "true"; });
    }
    if (!("IntersectionObserver" in window)) {
      figures.forEach(draw);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && entry.target.offsetParent !== null) {
          draw(entry.target);
          observer.unobserve(entry.target);
        }
      });
    }, { rootMargin: "200px 0px" });
    figures.forEach(function (figure) { observer.observe(figure); });
    // Inside a collapsed block: drawn when the block opens.
    document.addEventListener("toggle", function (event) {
      if (!event.target.open) return;
      event.target.querySelectorAll("figure.chart").forEach(function (figure) {
        if (figures.indexOf(figure) >= 0) draw(figure);
      });
    }, true);
  }

  function setupCharts() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.chart"));
    if (!figures.length) return;
    setupButtons(figures.filter(function (f) { return f.dataset.mode === "static"; }));
    drawWhenSeen(figures.filter(function (f) { return !f.dataset.mode; }));
    // Drawn charts follow the light/dark palette switch and blocks being opened.
    function drawn() {
      return figures.filter(function (figure) {
        return window.Plotly && figure.querySelector(".chart-plot.js-plotly-plot");
      });
    }
    new MutationObserver(function () {
      drawn().forEach(function (figure) {
        window.Plotly.relayout(figure.querySelector(".chart-plot"), { "font.color": textColour() });
      });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    document.addEventListener("toggle", function (event) {
      if (!event.target.open) return;
      drawn().forEach(function (figure) {
        if (event.target.contains(figure)) {
          window.Plotly.Plots.resize(figure.querySelector(".chart-plot"));
        }
      });
    }, true);
  }

  // Embed snippets: the site has no fixed address, so make the iframe URL absolute here.
  function setupEmbeds() {
    document.querySelectorAll("code.embed-code").forEach(function (code) {
      var url = new URL(code.dataset.embedPath, window.location.href).href;
      code.textContent = '<iframe src="' + url + '" width="100%" height="700" title="' +
        code.dataset.embedTitle + '" loading="lazy"></iframe>';
    });
  }

  function start() { setupCharts(); setupEmbeds(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
