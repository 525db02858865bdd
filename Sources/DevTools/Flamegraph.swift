/// Renders a `CallTree` as an SVG flamegraph (the layout of Brendan Gregg's flamegraph.pl: one rectangle per
/// stack frame, width proportional to its inclusive cycles, callers below callees, siblings sorted by name;
/// SVG 1.1 `rect`, `text`, `title`). Integer arithmetic only (positions in 1/100 px), so the same profile
/// always gives the same bytes.
public enum Flamegraph {
    /// Image width in pixels.
    public static let width: UInt64 = 1200
    static let frameHeight: UInt64 = 16
    static let margin: UInt64 = 10
    static let titleHeight: UInt64 = 40
    /// Frames narrower than this (in 1/100 px) are not drawn.
    static let minWidth: UInt64 = 10

    /// The SVG document for `tree`, titled `title`.
    public static func render(_ tree: CallTree, title: String) -> String {
        let inc = tree.inclusive()
        let total = max(inc[0], 1)
        let plot = (width - 2 * margin) * 100
        var depth = 0
        var rects: [(node: Int, x: UInt64, w: UInt64, level: Int)] = []
        // Depth-first layout; x and w in 1/100 px.
        var work: [(Int, UInt64, Int)] = [(0, 0, 0)]
        while let (node, x, level) = work.popLast() {
            var cumulative: UInt64 = 0
            for c in tree.sortedChildren(node) {
                let x0 = x + mulDiv(cumulative, plot, total)
                cumulative &+= inc[c]
                let x1 = x + mulDiv(cumulative, plot, total)
                guard x1 - x0 >= minWidth else { continue }
                rects.append((c, x0, x1 - x0, level))
                depth = max(depth, level + 1)
                work.append((c, x0, level + 1))
            }
        }
        rects.sort { ($0.level, $0.x) < ($1.level, $1.x) }
        let height = titleHeight + UInt64(depth) * frameHeight + 2 * margin
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
        viewBox="0 0 \(width) \(height)" font-family="Verdana, sans-serif" font-size="12">
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="#f8f8f0"/>
        <text x="\(width / 2)" y="24" text-anchor="middle" font-size="17">\(escape(title))</text>
        <text x="\(margin)" y="\(height - 4)" font-size="10">total: \(inc[0]) cycles</text>

        """
        for r in rects {
            let n = tree.names[tree.name[r.node]]
            let y = height - margin - UInt64(r.level + 1) * frameHeight
            let c = inc[r.node]
            let pct = mulDiv(c, 10_000, total)
            s += "<g><title>\(escape(n)) (\(c) cycles, \(pct / 100).\(pad2(pct % 100))%)</title>"
            s += "<rect x=\(q(px(margin * 100 + r.x))) y=\"\(y)\" width=\(q(px(r.w))) height=\"\(frameHeight - 1)\" "
            s += "fill=\"\(color(n))\" rx=\"2\" ry=\"2\"/>"
            let chars = Int(r.w / 700)   // about 7 px per character at 12 px
            if chars >= 3 {
                let label = n.count <= chars ? n : String(n.prefix(chars - 2)) + ".."
                s += "<text x=\(q(px(margin * 100 + r.x + 300))) y=\"\(y + frameHeight - 4)\">\(escape(label))</text>"
            }
            s += "</g>\n"
        }
        return s + "</svg>\n"
    }

    /// a · b / c without overflow for the magnitudes used here (c > 0).
    static func mulDiv(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        guard hi < c else { return .max }
        return c.dividingFullWidth((hi, lo)).quotient
    }

    static func px(_ hundredths: UInt64) -> String { "\(hundredths / 100).\(pad2(hundredths % 100))" }
    static func pad2(_ v: UInt64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    static func q(_ s: String) -> String { "\"" + s + "\"" }

    /// XML character escaping (XML 1.0 §2.4: &, <, >, and quotes in attributes).
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out += ch.value < 0x20 ? "?" : String(ch)
            }
        }
        return out
    }

    /// A warm colour from a hash of the name (FNV-1a), as flamegraph.pl's "hot" palette.
    static func color(_ name: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in name.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let r = 205 + h % 51, g = (h >> 8) % 231, b = (h >> 16) % 56
        return "rgb(\(r),\(g),\(b))"
    }
}
