//! Colour maths for vendors' brands: WCAG contrast, and readable colours derived from an accent
//! that would otherwise fail (a pale accent still gets dark button text and darker links).

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rgb`, `#rrggbb` or `rgb(r, g, b)` / `rgba(r, g, b, a)` as browsers report them.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some(hex) = text.strip_prefix('#') {
            let digits: Vec<u8> = hex
                .chars()
                .map(|c| c.to_digit(16).map(|d| d as u8))
                .collect::<Option<_>>()?;
            return match digits.as_slice() {
                [r, g, b] => Some(Self(r * 17, g * 17, b * 17)),
                [r1, r2, g1, g2, b1, b2] => Some(Self(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
                _ => None,
            };
        }
        let inner = text
            .strip_prefix("rgba(")
            .or_else(|| text.strip_prefix("rgb("))?
            .strip_suffix(')')?;
        let parts: Vec<u8> = inner
            .split([',', ' ', '/'])
            .filter(|p| !p.is_empty())
            .take(3)
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        match parts.as_slice() {
            [r, g, b] => Some(Self(*r, *g, *b)),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    fn mix(self, other: Rgb, amount: f64) -> Rgb {
        let m =
            |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * amount).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// `x` (0.05 to 1) to the power 2.4, the sRGB curve, without `powf`: that would bring 2 KiB of
/// libm into every first screen. x^2.4 = x² · ⁵√(x²), the fifth root by Newton's method, which
/// from 1 goes down to it steadily for every square in range.
fn pow_2_4(x: f64) -> f64 {
    let square = x * x;
    let mut root = 1.0_f64;
    for _ in 0..24 {
        let fourth = (root * root) * (root * root);
        root = (4.0 * root + square / fourth) / 5.0;
    }
    square * root
}

/// WCAG contrast ratio between two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Near-black or white, whichever reads better on `background`.
pub fn readable_on(background: Rgb) -> Rgb {
    let (dark, light) = (Rgb(17, 17, 17), Rgb(255, 255, 255));
    if contrast(dark, background) >= contrast(light, background) {
        dark
    } else {
        light
    }
}

/// `color` moved towards black or white (whichever gains contrast) until it reaches `ratio`
/// against `background`; the hue stays recognisably the brand's.
pub fn with_contrast(color: Rgb, background: Rgb, ratio: f64) -> Rgb {
    if contrast(color, background) >= ratio {
        return color;
    }
    let target = if background.luminance() > 0.5 {
        Rgb(0, 0, 0)
    } else {
        Rgb(255, 255, 255)
    };
    (1..=20)
        .map(|step| color.mix(target, f64::from(step) * 0.05))
        .find(|c| contrast(*c, background) >= ratio)
        .unwrap_or(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_browsers_and_vendors_write() {
        assert_eq!(Rgb::parse("#1f5fbf"), Some(Rgb(0x1f, 0x5f, 0xbf)));
        assert_eq!(Rgb::parse("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("rgb(255, 212, 0)"), Some(Rgb(255, 212, 0)));
        assert_eq!(Rgb::parse("rgba(1, 2, 3, 0.5)"), Some(Rgb(1, 2, 3)));
        assert_eq!(Rgb::parse("rgb(1 2 3 / 50%)"), Some(Rgb(1, 2, 3)));
        assert_eq!(Rgb::parse("tomato"), None);
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb(255, 212, 0).hex(), "#ffd400");
    }

    #[test]
    fn the_srgb_curve_matches_powf_on_every_channel_value() {
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{c}");
        }
    }

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((contrast(Rgb(0x76, 0x76, 0x76), Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
        assert!((contrast(Rgb(1, 2, 3), Rgb(1, 2, 3)) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_pale_brand_accent_gets_dark_text_and_darker_links() {
        let yellow = Rgb(255, 212, 0);
        let white = Rgb(255, 255, 255);
        assert_eq!(readable_on(yellow), Rgb(17, 17, 17));
        assert_eq!(readable_on(Rgb(0x1f, 0x5f, 0xbf)), white);
        let link = with_contrast(yellow, white, 4.5);
        assert!(contrast(link, white) >= 4.5, "{link:?}");
        assert!(link.0 > link.2, "still a yellow-brown, not grey: {link:?}");
        let on_dark = with_contrast(Rgb(0x1f, 0x2f, 0x5f), Rgb(0x17, 0x1e, 0x27), 4.5);
        assert!(contrast(on_dark, Rgb(0x17, 0x1e, 0x27)) >= 4.5);
        assert_eq!(with_contrast(Rgb(0, 0, 0), white, 4.5), Rgb(0, 0, 0));
    }
}
