//! Percentiles of a set of measurements (nearest rank: the value at rank ceil(p * n)).

/// The `p`-th percentile (`p` in 0..=1) of `values`, or `None` when there are none.
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let rank = (p * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

pub fn median(values: &[f64]) -> Option<f64> {
    percentile(values, 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank() {
        let v: Vec<f64> = (1..=15).map(f64::from).collect();
        assert_eq!(median(&v), Some(8.0));
        assert_eq!(percentile(&v, 0.9), Some(14.0));
        assert_eq!(percentile(&v, 0.95), Some(15.0));
        assert_eq!(median(&[2.0, 1.0]), Some(1.0));
        assert_eq!(median(&[]), None);
    }
}
