# plot.awk — the chart of `make bench`: ns per allocate+free by size, one
# line per allocator, from results.csv (awk -F, -f plot.awk results.csv).
# Two panels: the pair and the batch pattern (1 thread, default mode).  Both
# axes are logarithmic.  Plain SVG written directly, so no plotting program
# is needed.  Sizes within 5% of one of the table's sizes (1017..1033 next
# to 1 KiB, 4097, 65535, 65537) are left out of the chart, where they would
# only draw vertical strokes; they are in the tables and the CSV.
function lg(v, b) { return log(v) / log(b) }
function crowded(s,    i) {
    if (s in listed) return 0
    for (i in listed) if (s > i * 0.95 && s < i * 1.05) return 1
    return 0
}
function px(panel, s) { return X0[panel] + (lg(s, 2) - XL) / (XH - XL) * PW }
function py(panel, v) { return Y0 + PH - (lg(v, 10) - YL[panel]) / (YH[panel] - YL[panel]) * PH }
BEGIN {
    PW = 420; PH = 300; Y0 = 50; X0[1] = 70; X0[2] = 570
    title[1] = "allocate+free pair"; title[2] = "batch: 100 allocations, then 100 frees"
    test[1] = "pair"; test[2] = "batch"
    color["malloc"] = "#000000"; color["netapibuf"] = "#d62728"; color["talloc"] = "#1f77b4"
    color["samba"] = "#ff7f0e"; color["jemalloc"] = "#2ca02c"; color["mimalloc"] = "#9467bd"
    XL = 1e9; XH = -1e9
    split("16 64 256 1000 1024 1500 4096 65536", tl, " ")
    for (i in tl) listed[tl[i] + 0] = 1
}
$1 == "bench_pair" && $3 == "default" && $4 == 1 && $7 != "absent" && ($2 == "pair" || $2 == "batch") && !crowded($5 + 0) {
    p = ($2 == "pair") ? 1 : 2
    if (!($6 in seen)) { seen[$6] = 1; order[++nc] = $6 }
    k = p SUBSEP $6
    cnt[k]++; xs[k, cnt[k]] = $5; ys[k, cnt[k]] = $7
    if (lg($5, 2) < XL) XL = lg($5, 2)
    if (lg($5, 2) > XH) XH = lg($5, 2)
    if (!(p in lo) || $7 < lo[p]) lo[p] = $7
    if (!(p in hi) || $7 > hi[p]) hi[p] = $7
}
END {
    if (nc == 0) { XL = 4; XH = 16; lo[1] = lo[2] = 1; hi[1] = hi[2] = 10 }
    XL = int(XL); XH = (XH == int(XH)) ? XH : int(XH) + 1
    if (XH <= XL) XH = XL + 1
    for (p = 1; p <= 2; p++) {
        YL[p] = int(lg(lo[p], 10)); if (lg(lo[p], 10) < YL[p]) YL[p]--
        YH[p] = int(lg(hi[p], 10)); if (YH[p] < lg(hi[p], 10)) YH[p]++
        if (YH[p] <= YL[p]) YH[p] = YL[p] + 1
    }
    W = 1010; H = Y0 + PH + 90
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H, W, H
    printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
    printf "<text x=\"%d\" y=\"20\" font-size=\"15\" text-anchor=\"middle\">netapibuf and peers: ns per allocate+free by size (1 thread, default mode, median of interleaved rounds; lower is better)</text>\n", W / 2
    for (p = 1; p <= 2; p++) {
        x0 = X0[p]
        printf "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">%s</text>\n", x0 + PW / 2, Y0 - 8, title[p]
        printf "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n", x0, Y0, PW, PH
        for (e = XL; e <= XH; e++) {
            x = px(p, 2 ^ e)
            printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n", x, Y0, x, Y0 + PH
            if ((e - XL) % 2 == 0) {
                lab = (e >= 20) ? (2 ^ (e - 20)) " MiB" : (e >= 10) ? (2 ^ (e - 10)) " KiB" : (2 ^ e) " B"
                printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, Y0 + PH + 16, lab
            }
        }
        printf "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">buffer size (bytes, log scale)</text>\n", x0 + PW / 2, Y0 + PH + 34
        for (e = YL[p]; e <= YH[p]; e++) {
            y = py(p, 10 ^ e)
            printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", x0, y, x0 + PW, y
            printf "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g ns</text>\n", x0 - 4, y + 4, 10 ^ e
        }
        for (i = 1; i <= nc; i++) {
            c = order[i]; k = p SUBSEP c
            if (!(k in cnt)) continue
            pts = ""
            for (j = 1; j <= cnt[k]; j++) pts = pts sprintf("%s%.1f,%.1f", j > 1 ? " " : "", px(p, xs[k, j]), py(p, ys[k, j]))
            col = (c in color) ? color[c] : "#7f7f7f"
            printf "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" stroke-linejoin=\"round\" points=\"%s\"/>\n", col, c == "netapibuf" ? 2.5 : 1.5, pts
        }
    }
    lx = 70
    for (i = 1; i <= nc; i++) {
        c = order[i]; col = (c in color) ? color[c] : "#7f7f7f"
        printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>\n", lx, H - 22, lx + 24, H - 22, col
        printf "<text x=\"%d\" y=\"%d\">%s</text>\n", lx + 30, H - 18, c
        lx += 130
    }
    print "</svg>"
}
