//! A line chart over months (or any labelled steps), drawn as SVG text.

use super::{escape, open_svg};

/// One line: its name in the legend and a value per step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// What it counts.
    pub name: String,
    /// One value per label, in order.
    pub values: Vec<u64>,
}

const WIDTH: u32 = 640;
const PLOT_HEIGHT: u32 = 200;
const LEFT: u32 = 44;
const RIGHT: u32 = 16;
const TOP: u32 = 12;
/// Room below the plot for the step labels and the legend.
const BELOW: u32 = 30;
const LEGEND_ROW: u32 = 22;

/// A line chart with one line per series over `labels`, its scale from 0 to the largest value
/// (at least 1), every line marked at each point and drawn with its own dash so it is told
/// apart without colour. Opened as [`open_svg`] says; every text is escaped.
pub fn line_chart(
    id: &str,
    title: &str,
    summary: &str,
    labels: &[String],
    series: &[Series],
) -> String {
    let steps = labels.len().max(1);
    let top_value = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let legend_rows = u32::try_from(series.len()).unwrap_or(0);
    let height = TOP + PLOT_HEIGHT + BELOW + LEGEND_ROW * legend_rows + 4;
    let plot_width = WIDTH - LEFT - RIGHT;
    let x = |i: usize| -> f64 {
        if steps == 1 {
            f64::from(LEFT) + f64::from(plot_width) / 2.0
        } else {
            f64::from(LEFT) + f64::from(plot_width) * i as f64 / (steps - 1) as f64
        }
    };
    let y = |v: u64| -> f64 {
        f64::from(TOP) + f64::from(PLOT_HEIGHT) * (1.0 - v.min(top_value) as f64 / top_value as f64)
    };
    let mut svg = open_svg(id, WIDTH, height, title, summary);
    // Axis: the baseline and the top value.
    let base = f64::from(TOP + PLOT_HEIGHT);
    svg.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" class=\"chart-axis\"/>\
         <line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{}\" y2=\"{TOP}\" class=\"chart-grid\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"chart-label\">{top_value}</text>\
         <text x=\"{}\" y=\"{base}\" text-anchor=\"end\" class=\"chart-label\">0</text>",
        WIDTH - RIGHT,
        WIDTH - RIGHT,
        LEFT - 6,
        TOP + 5,
        LEFT - 6,
    ));
    // Every other label when they would crowd, counted from the last so it always shows.
    let every = if steps > 8 { 2 } else { 1 };
    for (i, label) in labels.iter().enumerate() {
        if (steps - 1 - i.min(steps - 1)).is_multiple_of(every) {
            svg.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" class=\"chart-label\">{}</text>",
                x(i),
                TOP + PLOT_HEIGHT + 20,
                escape(label)
            ));
        }
    }
    for (n, line) in series.iter().enumerate() {
        let class = format!("chart-series-{}", n % 4);
        let points: Vec<String> = line
            .values
            .iter()
            .take(steps)
            .enumerate()
            .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
            .collect();
        svg.push_str(&format!(
            "<polyline points=\"{}\" fill=\"none\" class=\"chart-line {class}\"/>",
            points.join(" ")
        ));
        for point in &points {
            let (px, py) = point.split_once(',').unwrap_or(("0", "0"));
            svg.push_str(&format!(
                "<circle cx=\"{px}\" cy=\"{py}\" r=\"3\" class=\"chart-dot {class}\"/>"
            ));
        }
        let row = TOP + PLOT_HEIGHT + BELOW + LEGEND_ROW * u32::try_from(n).unwrap_or(0) + 12;
        svg.push_str(&format!(
            "<line x1=\"{LEFT}\" y1=\"{row}\" x2=\"{}\" y2=\"{row}\" class=\"chart-line {class}\"/>\
             <text x=\"{}\" y=\"{}\" class=\"chart-label\">{}</text>",
            LEFT + 28,
            LEFT + 36,
            row + 5,
            escape(&line.name)
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_line_per_series_with_a_legend() {
        let labels: Vec<String> = ["2026-01", "2026-02", "2026-03"].map(String::from).to_vec();
        let svg = line_chart(
            "months",
            "Grupper pr. måned",
            "januar 2, februar 0",
            &labels,
            &[
                Series {
                    name: "Oprettet <nye>".into(),
                    values: vec![2, 0, 5],
                },
                Series {
                    name: "Startet".into(),
                    values: vec![0, 1, 1],
                },
            ],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-labelledby=\"months-title months-desc\""));
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert_eq!(svg.matches("<circle").count(), 6);
        assert!(svg.contains("Oprettet &lt;nye&gt;"));
        assert!(svg.contains(">2026-02<"));
        // Twelve labels: every other one, the last among them, none crowding it.
        let months: Vec<String> = (1..=12).map(|m| format!("2026-{m:02}")).collect();
        let svg = line_chart("m", "t", "s", &months, &[]);
        assert!(svg.contains(">2026-12<") && svg.contains(">2026-10<"));
        assert!(!svg.contains(">2026-11<") && !svg.contains(">2026-01<"));
    }

    proptest! {
        /// Every point lies inside the plot, whatever the values.
        #[test]
        fn points_stay_inside_the_plot(values in proptest::collection::vec(0u64..u64::MAX / 4, 1..14)) {
            let labels: Vec<String> = (0..values.len()).map(|i| i.to_string()).collect();
            let svg = line_chart("c", "t", "s", &labels, &[Series { name: "x".into(), values }]);
            for cy in svg.split(" cy=\"").skip(1).filter_map(|c| c.split('"').next()?.parse::<f64>().ok()) {
                prop_assert!(cy >= f64::from(TOP) - 0.05 && cy <= f64::from(TOP + PLOT_HEIGHT) + 0.05);
            }
        }
    }
}
