//! Inline SVG charts, every label escaped.

use std::fmt::Write;

use super::html::escape;

/// Font used in the charts.
const FONT: &str = "font-family=\"system-ui, sans-serif\" font-size=\"11\"";

/// A column chart (one column per item, labels under the axis, every `label_every`-th shown),
/// `width`×`height` pixels; `id` names the chart for styling and tests.
pub fn columns(id: &str, title: &str, items: &[(String, u64)], width: u32, height: u32) -> String {
    let max = items.iter().map(|i| i.1).max().unwrap_or(0).max(1);
    let (left, bottom, top) = (40.0, 36.0, 22.0);
    let plot_w = f64::from(width) - left - 8.0;
    let plot_h = f64::from(height) - bottom - top;
    let n = items.len().max(1) as f64;
    let step = plot_w / n;
    let bar_w = (step * 0.8).max(1.0);
    let label_every = ((n * 38.0 / plot_w).ceil() as usize).max(1);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(id),
        escape(title)
    );
    let _ = write!(s, "<title>{}</title>", escape(title));
    let _ = write!(
        s,
        "<text x=\"{left}\" y=\"14\" {FONT} font-weight=\"bold\">{}</text>",
        escape(title)
    );
    let axis_y = top + plot_h;
    let _ = write!(
        s,
        "<line x1=\"{left}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"#888\"/>",
        left + plot_w
    );
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" {FONT} text-anchor=\"end\">{max}</text><text x=\"{}\" y=\"{axis_y}\" {FONT} text-anchor=\"end\">0</text>",
        left - 4.0,
        top + 8.0,
        left - 4.0
    );
    for (i, (label, v)) in items.iter().enumerate() {
        let h = plot_h * (*v as f64) / (max as f64);
        let x = left + step * i as f64 + (step - bar_w) / 2.0;
        let _ = write!(
            s,
            "<rect class=\"bar\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar_w:.1}\" height=\"{h:.1}\" fill=\"#3b6ea8\"><title>{}: {v}</title></rect>",
            axis_y - h,
            escape(label)
        );
        if i % label_every == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" {FONT} text-anchor=\"middle\">{}</text>",
                x + bar_w / 2.0,
                axis_y + 14.0,
                escape(label)
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// A horizontal bar chart (one bar per item, label on the left, value on the right).
pub fn hbars(id: &str, title: &str, items: &[(String, u64)], width: u32) -> String {
    let max = items.iter().map(|i| i.1).max().unwrap_or(0).max(1);
    let row = 18.0;
    let top = 24.0;
    let label_w = 150.0;
    let height = top + row * items.len() as f64 + 6.0;
    let plot_w = f64::from(width) - label_w - 60.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"chart\" width=\"{width}\" height=\"{height:.0}\" viewBox=\"0 0 {width} {height:.0}\" role=\"img\" aria-label=\"{}\">",
        escape(id),
        escape(title)
    );
    let _ = write!(s, "<title>{}</title>", escape(title));
    let _ = write!(
        s,
        "<text x=\"4\" y=\"14\" {FONT} font-weight=\"bold\">{}</text>",
        escape(title)
    );
    for (i, (label, v)) in items.iter().enumerate() {
        let y = top + row * i as f64;
        let w = (plot_w * (*v as f64) / (max as f64)).max(1.0);
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" {FONT} text-anchor=\"end\">{}</text>",
            label_w - 6.0,
            y + 12.0,
            escape(label)
        );
        let _ = write!(
            s,
            "<rect class=\"bar\" x=\"{label_w}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"#3b6ea8\"><title>{}: {v}</title></rect>",
            y + 2.0,
            row - 4.0,
            escape(label)
        );
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" {FONT}>{v}</text>",
            label_w + w + 4.0,
            y + 12.0
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_labels_and_draw_one_bar_per_item() {
        let items = vec![("<b>&".to_string(), 3), ("x".to_string(), 0)];
        for svg in [
            columns("c", "T <1>", &items, 300, 120),
            hbars("h", "T", &items, 300),
        ] {
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
            assert!(!svg.contains("<b>"));
            assert!(svg.contains("&lt;b&gt;&amp;"));
            assert_eq!(svg.matches("class=\"bar\"").count(), 2);
        }
        assert!(columns("c", "empty", &[], 200, 100).ends_with("</svg>"));
    }
}
