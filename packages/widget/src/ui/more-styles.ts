// Styles of the controls in the `more-bodies` chunk, adopted next to the base sheet when it loads.
// Tokens as in styles.ts.

const half = "calc(var(--r)/2)";

/** Faces, stars, thumbs, choices, text fields. */
export const moreCss = `.face .opt,.star .opt,.thumb .opt{min-height:44px}\
.face .i{width:28px;height:28px;stroke-width:1.5}\
.eye{stroke-width:2.6}\
.star,.thumb{display:flex}\
.star,.star+.ends{width:236px;max-width:100%}\
.star .opt,.star .opt[aria-checked=true]{width:44px;border-color:transparent;background:none;color:var(--l)}\
.star .i{width:32px;height:32px;stroke-width:1.5}\
.on{fill:var(--b);stroke:var(--b)}\
.thumb{gap:8px}\
.thumb .opt{width:64px}\
.thumb .i{width:24px;height:24px}\
.sub{margin-block:14px 6px;font-size:14px;font-weight:600}\
.sub:first-child{margin-block-start:0}\
.hint{margin-block:-8px 10px}\
.choices{display:grid;gap:6px;min-inline-size:0;padding:0;border:0}\
.ch{display:flex;align-items:center;gap:10px;min-height:40px;padding:8px 12px;border:1px solid var(--l);border-radius:${half};cursor:pointer}\
.ch:hover,.ch:has(:checked){border-color:var(--b)}\
.ch:has(:checked){box-shadow:inset 0 0 0 1px var(--b)}\
.ch input{flex:none;width:18px;height:18px;margin:0;accent-color:var(--b)}\
.field{display:block;width:100%;min-height:40px;padding:8px 10px;border:1px solid var(--l);border-radius:${half};background:var(--g);resize:vertical}\
textarea.field{min-height:88px}\
.field:focus-visible{outline-offset:-1px}\
.field::placeholder{color:var(--m);opacity:1}\
.field[aria-invalid=true]{border-color:var(--e)}\
.count{margin-block-start:4px;font-size:12px;color:var(--m);text-align:end}\
.bad{color:var(--e)}\
@media (pointer:coarse){.ch,.field{min-height:44px}}`;
