/** The async snippet from the README: defines `sonde(...)` as a queue and loads sonde.js. */
export const snippet = (src: string) => `(function (w, d, src) {
  if (w.sonde) return;
  var q = [], s = (w.sonde = function () { q.push([].slice.call(arguments)); });
  s.q = q;
  var t = d.createElement("script"); t.type = "module"; t.async = true; t.src = src; d.head.appendChild(t);
})(window, document, ${JSON.stringify(src)});`;
