//! SVG charts of benchmark results (plotters' SVG backend, no fonts or system libraries
//! beyond what it renders as SVG text).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::path::Path;

/// Grouped bars: for each group (x axis), one bar per series.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    /// Chart title.
    pub title: String,
    /// Group labels, left to right.
    pub groups: Vec<String>,
    /// (series name, one value per group).
    pub series: Vec<(String, Vec<f64>)>,
}

/// Colours of the series, in order (repeated when there are more series).
const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
];

/// Draws `bars` into the SVG file `path`.
pub fn bars(path: &Path, bars: &Bars) -> Result<(), Box<dyn std::error::Error>> {
    let groups = bars.groups.len().max(1);
    let per_group = bars.series.len().max(1);
    let top = bars
        .series
        .iter()
        .flat_map(|s| s.1.iter().copied())
        .fold(0.0f64, f64::max)
        .max(1.0)
        * 1.1;
    let width = (160 + groups * (per_group * 22 + 30)).max(640) as u32;
    let root = SVGBackend::new(path, (width, 480)).into_drawing_area();
    root.fill(&WHITE)?;
    // x is measured in bar slots: each group takes `per_group` bars plus one gap.
    let slots = groups * (per_group + 1);
    let mut chart = ChartBuilder::on(&root)
        .caption(&bars.title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..slots as f64, 0f64..top)?;
    // No numeric x ticks: plotters places those at round values, which skip groups (with
    // 8 groups of 4 slots it picks multiples of 5 and never labels the fifth group). Each
    // group's name is drawn under the middle of its bars instead.
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_desc("cycles")
        .draw()?;
    let label_style =
        TextStyle::from(("sans-serif", 14).into_font()).pos(Pos::new(HPos::Center, VPos::Top));
    for (gi, label) in bars.groups.iter().enumerate() {
        let centre = (gi * (per_group + 1)) as f64 + 0.5 + per_group as f64 * 0.5 - 0.05;
        let (x, y) = chart.backend_coord(&(centre, 0.0));
        root.draw(&Text::new(label.clone(), (x, y + 6), label_style.clone()))?;
    }
    for (si, (name, values)) in bars.series.iter().enumerate() {
        let color = PALETTE[si % PALETTE.len()];
        chart
            .draw_series(values.iter().enumerate().map(|(gi, &v)| {
                let x0 = (gi * (per_group + 1) + si) as f64 + 0.5;
                Rectangle::new([(x0, 0.0), (x0 + 0.9, v)], color.filled())
            }))?
            .label(name.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled()));
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_an_svg_with_every_group_and_series() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bars.svg");
        let b = Bars {
            title: "t".into(),
            groups: vec!["hvc".into(), "smc".into()],
            series: vec![
                ("functional".into(), vec![10.0, 20.0]),
                ("a55".into(), vec![100.0, 250.0]),
            ],
        };
        bars(&path, &b).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
        for word in ["hvc", "smc", "functional", "a55"] {
            assert!(svg.contains(word), "{word} missing");
        }
        // Every group is labelled, however many there are (numeric ticks skipped some).
        let many = Bars {
            title: "t".into(),
            groups: (0..8).map(|g| format!("group{g}")).collect(),
            series: (0..3).map(|s| (format!("s{s}"), vec![1.0; 8])).collect(),
        };
        bars(&path, &many).unwrap();
        let svg = std::fs::read_to_string(&path).unwrap();
        for g in 0..8 {
            assert_eq!(
                svg.matches(&format!(">\ngroup{g}\n<")).count(),
                1,
                "group{g}"
            );
        }
        // Four bars plus two legend swatches.
        assert!(svg.matches("<rect").count() >= 6);
    }
}
