// Sends the upload form with the write token as a bearer token and shows the outcome.
(function () {
  "use strict";
  var form = document.getElementById("upload");
  var out = document.getElementById("result");
  var token = document.getElementById("token");
  token.value = window.sessionStorage.getItem("bilat-token") || "";

  function line(parent, text, href) {
    var p = document.createElement(href ? "a" : "p");
    p.textContent = text;
    if (href) { p.href = href; p.className = "fact"; }
    parent.appendChild(p);
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    window.sessionStorage.setItem("bilat-token", token.value);
    var data = new FormData(form);
    data.delete("token");
    if (!form.elements.extract.checked) { data.set("extract", "false"); }
    var files = data.getAll("files").filter(function (f) { return f && f.size > 0; });
    data.delete("files");
    files.forEach(function (f) { data.append("files", f); });
    out.hidden = false;
    out.textContent = "Reading…";
    fetch("/api/documents", { method: "POST", body: data, headers: { Authorization: "Bearer " + token.value } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        out.textContent = "";
        var b = res.body;
        if (!res.ok && b.detail) { line(out, "Refused: " + b.detail); }
        if (b.read !== undefined) {
          line(out, "Read " + b.read + ", stored " + b.new + ", duplicates " + b.duplicates + ", rejected " + b.rejected + ".");
        }
        (b.rejects || []).forEach(function (r) { line(out, "Rejected " + r.origin + ": " + r.reason + " (" + r.reason_code + ")"); });
        (b.documents || []).forEach(function (d) { line(out, (d.title || d.name) + " → " + d.id, d.url); });
      })
      .catch(function (err) { out.textContent = "The request failed: " + err; });
  });
})();
