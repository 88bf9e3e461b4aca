// Draws countries as circles (size: event volume) on a ring, and pairs as lines (width:
// documents). A line opens the pair's dossier. Built with DOM calls only: no HTML strings.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var holder = document.getElementById("network");
  var source = document.getElementById("network-data");
  if (!holder || !source) { return; }
  var data = JSON.parse(source.textContent);
  var W = 560, H = 460, CX = W / 2, CY = H / 2, R = 175;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  var used = {};
  data.pairs.forEach(function (p) { used[p.pair[0]] = true; used[p.pair[1]] = true; });
  var nodes = data.countries.filter(function (c) { return used[c.code]; }).slice(0, 40);
  if (!nodes.length) {
    var note = document.createElement("p");
    note.className = "empty";
    note.textContent = "No country pairs yet.";
    holder.appendChild(note);
    return;
  }
  var maxEvents = Math.max.apply(null, nodes.map(function (c) { return c.events; }).concat([1]));
  var maxDocs = Math.max.apply(null, data.pairs.map(function (p) { return p.documents; }).concat([1]));
  var at = {};
  nodes.forEach(function (c, i) {
    var a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    at[c.code] = { x: CX + R * Math.cos(a), y: CY + R * Math.sin(a), a: a };
  });

  var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "countries and pairs" }, holder);
  var edges = el("g", {}, svg);
  data.pairs.forEach(function (p) {
    var s = at[p.pair[0]], t = at[p.pair[1]];
    if (!s || !t) { return; }
    var link = el("a", { href: "/pairs/" + p.slug }, edges);
    var line = el("line", {
      x1: s.x, y1: s.y, x2: t.x, y2: t.y, "class": "edge",
      "stroke-width": (1 + 7 * Math.sqrt(p.documents / maxDocs)).toFixed(1),
      "stroke-opacity": (0.35 + 0.6 * p.documents / maxDocs).toFixed(2)
    }, link);
    el("title", {}, line).textContent = p.names[0] + " – " + p.names[1] + ": " + p.documents + " documents, " + p.events + " events";
  });
  var group = el("g", {}, svg);
  nodes.forEach(function (c) {
    var pos = at[c.code];
    var g = el("g", { "class": "node" }, group);
    var r = 5 + 18 * Math.sqrt(c.events / maxEvents);
    var circle = el("circle", { cx: pos.x, cy: pos.y, r: r.toFixed(1) }, g);
    el("title", {}, circle).textContent = c.name + ": " + c.events + " events";
    var lx = pos.x + (r + 14) * Math.cos(pos.a), ly = pos.y + (r + 14) * Math.sin(pos.a);
    var label = el("text", { x: lx.toFixed(1), y: (ly + 4).toFixed(1), "text-anchor": "middle" }, g);
    label.textContent = c.code;
  });
})();
