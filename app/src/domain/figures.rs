//! Aggregation rules for the dashboards, and their charts drawn as SVG text: plain functions
//! over numbers the store counted, so each figure is computed one way everywhere.

mod lines;
pub use lines::{Series, line_chart};

/// The median of `values`, or nothing for none; the mean of the middle two for an even count.
pub fn median(values: &[i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let middle = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[middle - 1] as f64 + sorted[middle] as f64) / 2.0
    } else {
        sorted[middle] as f64
    })
}

/// One bar: its label and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// What it counts.
    pub label: String,
    /// How many.
    pub value: u64,
}

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Height of one bar and the gap below it, in SVG units.
const ROW: u32 = 34;
/// Width given to the labels and to the bars.
const LABEL_WIDTH: u32 = 190;
const BAR_WIDTH: u32 = 300;

/// The opening of a chart's SVG element: `id` (unique on the page) names its title and
/// description, `title` is its accessible name and `summary` its text alternative (the table
/// beside it holds the same numbers). Every text is escaped.
pub(crate) fn open_svg(id: &str, width: u32, height: u32, title: &str, summary: &str) -> String {
    let id = escape(id);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" \
         viewBox=\"0 0 {width} {height}\" aria-labelledby=\"{id}-title {id}-desc\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(title),
        escape(summary)
    )
}

/// A horizontal bar chart as an SVG element, opened as [`open_svg`] says.
pub fn bar_chart(id: &str, title: &str, summary: &str, bars: &[Bar]) -> String {
    let most = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * u32::try_from(bars.len()).unwrap_or(0) + 8;
    let width = LABEL_WIDTH + BAR_WIDTH + 60;
    let mut svg = open_svg(id, width, height, title, summary);
    for (n, bar) in bars.iter().enumerate() {
        let y = ROW * u32::try_from(n).unwrap_or(0) + 4;
        let length =
            u32::try_from(u128::from(bar.value) * u128::from(BAR_WIDTH) / u128::from(most))
                .unwrap_or(BAR_WIDTH);
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"chart-label\">{}</text>\
             <rect x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{}\" height=\"{}\" rx=\"3\" class=\"chart-bar\"/>\
             <text x=\"{}\" y=\"{}\" class=\"chart-value\">{}</text>",
            LABEL_WIDTH - 10,
            y + 18,
            escape(&bar.label),
            length.max(2),
            ROW - 10,
            LABEL_WIDTH + length.max(2) + 8,
            y + 18,
            bar.value
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
    fn the_median_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7]), Some(7.0));
        assert_eq!(median(&[9, 1, 4]), Some(4.0));
        assert_eq!(median(&[1, 2, 10, 3]), Some(2.5));
    }

    #[test]
    fn a_chart_names_itself_and_escapes_its_labels() {
        let svg = bar_chart(
            "groups",
            "Grupper <efter> status",
            "3 søger, 0 afsluttet",
            &[
                Bar {
                    label: "Søger & venter".into(),
                    value: 3,
                },
                Bar {
                    label: "Afsluttet".into(),
                    value: 0,
                },
            ],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"groups-title\">Grupper &lt;efter&gt; status</title>"));
        assert!(svg.contains("Søger &amp; venter"));
        assert!(!svg.contains("<efter>"));
        assert_eq!(svg.matches("<rect").count(), 2);
    }

    proptest! {
        /// The median lies between the smallest and the largest value.
        #[test]
        fn the_median_lies_within_the_values(values in proptest::collection::vec(-1000i64..1000, 1..50)) {
            let m = median(&values).unwrap();
            let (low, high) = (*values.iter().min().unwrap(), *values.iter().max().unwrap());
            prop_assert!(m >= low as f64 && m <= high as f64);
        }

        /// No bar is longer than the chart, however large the numbers.
        #[test]
        fn bars_stay_inside_the_chart(values in proptest::collection::vec(0u64..u64::MAX / 1000, 1..8)) {
            let bars: Vec<Bar> = values.iter().map(|v| Bar { label: "x".into(), value: *v }).collect();
            let svg = bar_chart("c", "t", "s", &bars);
            for width in svg.split(" width=\"").skip(1).filter_map(|w| w.split('"').next()?.parse::<u32>().ok()) {
                prop_assert!(width <= BAR_WIDTH);
            }
        }
    }
}
