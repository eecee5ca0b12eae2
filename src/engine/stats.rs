//! Signal-detection statistics: the standard normal quantile and d′ with the log-linear correction.

/// The standard normal quantile function (inverse CDF), Wichura's algorithm AS 241 (PPND16),
/// accurate to about 1e-16. `p` outside (0, 1) gives ±infinity, NaN gives NaN.
pub fn normal_quantile(p: f64) -> f64 {
    if p.is_nan() {
        return f64::NAN;
    }
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q * poly(&A, r) / poly(&B, r);
    }
    let r = if q < 0.0 { p } else { 1.0 - p };
    let r = (-r.ln()).sqrt();
    let x = if r <= 5.0 {
        let r = r - 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - 5.0;
        poly(&E, r) / poly(&F, r)
    };
    if q < 0.0 { -x } else { x }
}

fn poly(coefficients: &[f64; 8], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

const A: [f64; 8] = [
    3.387_132_872_796_366_5,
    133.141_667_891_784_38,
    1_971.590_950_306_551_3,
    13_731.693_765_509_46,
    45_921.953_931_549_87,
    67_265.770_927_008_7,
    33_430.575_583_588_13,
    2_509.080_928_730_122_7,
];
const B: [f64; 8] = [
    1.0,
    42.313_330_701_600_91,
    687.187_007_492_057_9,
    5_394.196_021_424_751,
    21_213.794_301_586_597,
    39_307.895_800_092_71,
    28_729.085_735_721_943,
    5_226.495_278_852_545,
];
const C: [f64; 8] = [
    1.423_437_110_749_683_5,
    4.630_337_846_156_546,
    5.769_497_221_460_691,
    3.647_848_324_763_204_5,
    1.270_458_252_452_368_4,
    0.241_780_725_177_450_6,
    0.022_723_844_989_269_184,
    7.745_450_142_783_414e-4,
];
const D: [f64; 8] = [
    1.0,
    2.053_191_626_637_759,
    1.676_384_830_183_803_8,
    0.689_767_334_985_1,
    0.148_103_976_427_480_08,
    0.015_198_666_563_616_457,
    5.475_938_084_995_345e-4,
    1.050_750_071_644_416_9e-9,
];
const E: [f64; 8] = [
    6.657_904_643_501_103,
    5.463_784_911_164_114,
    1.784_826_539_917_291_3,
    0.296_560_571_828_504_9,
    0.026_532_189_526_576_124,
    0.001_242_660_947_388_078_4,
    2.711_555_568_743_487_6e-5,
    2.010_334_399_292_288_1e-7,
];
const F: [f64; 8] = [
    1.0,
    0.599_832_206_555_888,
    0.136_929_880_922_735_8,
    0.014_875_361_290_850_615,
    7.868_691_311_456_133e-4,
    1.846_318_317_510_054_8e-5,
    1.421_511_758_316_446e-7,
    2.043_131_002_729_754_4e-15,
];

/// Hit and false-alarm rates with the log-linear correction: (count + 0.5) / (n + 1).
pub fn corrected_rates(hits: u32, misses: u32, false_alarms: u32, absent: u32) -> (f64, f64) {
    let h = (f64::from(hits) + 0.5) / (f64::from(hits) + f64::from(misses) + 1.0);
    let f = (f64::from(false_alarms) + 0.5) / (f64::from(absent) + 1.0);
    (h, f)
}

/// Sensitivity d′ = z(H) − z(F), with the log-linear correction.
pub fn d_prime(hits: u32, misses: u32, false_alarms: u32, absent: u32) -> f64 {
    let (h, f) = corrected_rates(hits, misses, false_alarms, absent);
    normal_quantile(h) - normal_quantile(f)
}

/// Response bias c = −½(z(H) + z(F)), with the log-linear correction.
pub fn criterion_c(hits: u32, misses: u32, false_alarms: u32, absent: u32) -> f64 {
    let (h, f) = corrected_rates(hits, misses, false_alarms, absent);
    -0.5 * (normal_quantile(h) + normal_quantile(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn the_quantile_matches_known_values() {
        assert!(close(normal_quantile(0.5), 0.0));
        assert!(close(normal_quantile(0.975), 1.959_963_984_540_054));
        assert!(close(normal_quantile(0.025), -1.959_963_984_540_054));
        assert!(close(normal_quantile(0.841_344_746_068_542_9), 1.0));
        // The far tail (r > 5).
        assert!(close(normal_quantile(1e-10), -6.361_340_902_404_056));
        assert!(normal_quantile(0.0).is_infinite());
        assert!(normal_quantile(f64::NAN).is_nan());
    }

    #[test]
    fn d_prime_uses_the_log_linear_correction() {
        // 3 hits, 1 miss, 1 false alarm among 2 red herrings:
        // H = 3.5/5 = 0.7, F = 1.5/3 = 0.5, d' = z(0.7) − 0 = 0.524400512708041.
        assert!(close(d_prime(3, 1, 1, 2), 0.524_400_512_708_041));
        // Nothing present and nothing flagged: H = 0.5, F = 0.5, d' = 0.
        assert!(close(d_prime(0, 0, 0, 0), 0.0));
        // c = −½(z(0.7) + z(0.5)).
        assert!(close(criterion_c(3, 1, 1, 2), -0.262_200_256_354_020_5));
    }
}
