/* storytrace report: link each shared passage to its twin in the other article. */
(function () {
  "use strict";
  function parts(n, side) {
    var sel = '.p[data-p="' + n + '"]' + (side ? '[data-side="' + side + '"]' : "");
    return document.querySelectorAll(sel);
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  /* Scroll inside the pane only, so the clicked side stays where the reader is. */
  function reveal(el) {
    var box = el.closest(".body");
    if (box && box.scrollHeight > box.clientHeight) {
      var top = el.getBoundingClientRect().top - box.getBoundingClientRect().top;
      box.scrollTop += top - box.clientHeight / 3;
    } else {
      el.scrollIntoView({ block: "center" });
    }
  }
  function select(n, from) {
    each(document.querySelectorAll(".p.hl"), function (x) { x.classList.remove("hl"); });
    each(parts(n), function (x) { x.classList.add("hl"); });
    var other = from === "a" ? "b" : from === "b" ? "a" : null;
    var twin = other ? parts(n, other)[0] : null;
    if (twin) reveal(twin);
    if (!from) { var first = parts(n, "a")[0]; if (first) reveal(first); if (parts(n, "b")[0]) reveal(parts(n, "b")[0]); }
    if (history.replaceState) history.replaceState(null, "", "#p" + n);
  }
  each(document.querySelectorAll(".p"), function (el) {
    el.addEventListener("click", function (ev) { ev.stopPropagation(); select(el.dataset.p, el.dataset.side); });
    el.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(el.dataset.p, el.dataset.side); }
    });
    el.addEventListener("mouseenter", function () { each(parts(el.dataset.p), function (x) { x.classList.add("hover"); }); });
    el.addEventListener("mouseleave", function () { each(parts(el.dataset.p), function (x) { x.classList.remove("hover"); }); });
  });
  each(document.querySelectorAll(".mm[data-p]"), function (el) {
    el.addEventListener("click", function (ev) { ev.preventDefault(); select(el.dataset.p, null); });
  });
  each(document.querySelectorAll("[data-jump]"), function (el) {
    el.addEventListener("click", function (ev) {
      var target = document.getElementById(el.dataset.jump);
      if (!target) return;
      ev.preventDefault();
      reveal(target);
      target.classList.add("flash");
      setTimeout(function () { target.classList.remove("flash"); }, 1500);
    });
  });
  var m = /^#p(\d+)$/.exec(location.hash);
  if (m) select(m[1], null);
})();
