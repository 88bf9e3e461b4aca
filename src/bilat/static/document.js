// Highlights the evidence named by the URL fragment (#ev-START-END) and scrolls to it.
(function () {
  "use strict";
  var KEY = /^#ev-(\d+-\d+)$/;

  function highlight(scroll) {
    document.querySelectorAll(".ev-target").forEach(function (el) { el.classList.remove("ev-target"); });
    document.querySelectorAll("a.fact.active").forEach(function (el) { el.classList.remove("active"); });
    var m = KEY.exec(window.location.hash);
    if (!m) { return; }
    var marks = document.querySelectorAll('#text mark[data-ev~="' + m[1] + '"]');
    marks.forEach(function (el) { el.classList.add("ev-target"); });
    document.querySelectorAll('a.fact[data-ev="' + m[1] + '"]').forEach(function (el) { el.classList.add("active"); });
    if (scroll && marks.length) { marks[0].scrollIntoView({ block: "center" }); }
  }

  window.addEventListener("hashchange", function () { highlight(true); });
  highlight(true);
})();
