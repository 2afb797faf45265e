/** The HTML report's stylesheet, inline: the page is one file that opens anywhere, offline. */
export const reportPageStyle = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:80rem;color:#1f2328;padding:1.5rem 1.5rem 3rem}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:2.2rem;padding-bottom:.25rem;border-bottom:1px solid #d0d7de}h3{font-size:1rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;margin:.5rem 0;width:auto;min-width:min(100%,40rem)}table.wide{width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}td.number{text-align:right;font-variant-numeric:tabular-nums}
.ok{color:#1a7f37;font-weight:600}.bad{color:#cf222e;font-weight:600}.plain{font-weight:600}.muted{color:#59636e}.warn{color:#9a6700}
.verdict{border:1px solid;border-left-width:8px;border-radius:6px;padding:.8rem 1.2rem;margin-top:.5rem}.verdict p{margin:.25rem 0}
.verdict-title{font-size:1.5rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.verdict-verified{background:#dafbe1;border-color:#1a7f37}.verdict-verification-failed{background:#ffebe9;border-color:#cf222e}
.verdict-failures{background:#fff1e5;border-color:#bc4c00}.verdict-failures .plain{color:#bc4c00}
.verdict-not-verified{background:#f6f8fa;border-color:#8c959f}.verdict-interrupted{background:#fff8c5;border-color:#9a6700}.verdict-dry-run{background:#ddf4ff;border-color:#0969da}.verdict-dry-run .plain{color:#0969da}
.side-by-side{display:flex;flex-wrap:wrap;gap:1.5rem}.side-by-side>div{flex:1 1 30rem;min-width:0}
svg.chart{display:block;max-width:100%;height:auto;margin:.5rem 0;font:13px system-ui,sans-serif}svg.chart text{fill:#1f2328}
svg.chart text.in-bar{fill:#fff;font-weight:600;font-size:12px}svg.chart text.muted{fill:#59636e}svg.chart text.differs{fill:#cf222e;font-weight:600}
details summary{cursor:pointer;color:#0969da;white-space:nowrap}p.ids{margin:.3rem 0;font-family:ui-monospace,monospace;font-size:12px;word-break:break-word}
table.failures td:nth-child(4){min-width:16rem}table.tickets{min-width:30rem}.side-by-side table{width:100%;min-width:0}
code{font-family:ui-monospace,monospace;background:#f6f8fa;padding:0 .2rem;border-radius:3px}
`
