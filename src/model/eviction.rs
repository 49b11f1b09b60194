//! Whether this browser may delete Knockback's data on its own, and what to tell the user.
//!
//! WebKit (Safari, and every browser on iPhone and iPad) deletes all script-writable
//! storage of a site that has not been used in 7 days of browser use, unless the site
//! runs as a web app added to the Home Screen. Knockback keeps everything in that
//! storage, so those users need to hear it once, plainly, with the two remedies.
//! Pure: the browser facts (user agent, display mode) come in as arguments.

/// What eviction means for this browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Eviction {
    /// Not WebKit: data is kept unless the user clears it (or the device runs out of space).
    NotExpected,
    /// WebKit in a browser tab: data may be deleted after 7 days without a visit.
    AtRisk,
    /// WebKit, running from the Home Screen: exempt from the 7-day rule.
    Installed,
}

/// How many days of browser use without a visit before WebKit deletes the data.
pub(crate) const EVICTION_DAYS: i64 = 7;

/// True for WebKit's engine: Safari on a Mac, and every browser on iPhone and iPad
/// (Apple requires WebKit there, whatever the browser's name). Chromium-based and
/// Firefox browsers elsewhere also say "AppleWebKit" or "Safari" for old sites'
/// sake, so they are ruled out by their own tokens.
pub(crate) fn is_webkit(user_agent: &str) -> bool {
    let ua = user_agent;
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d));
    if ios {
        return true;
    }
    ua.contains("AppleWebKit")
        && ![
            "Chrome/",
            "Chromium/",
            "Edg/",
            "OPR/",
            "Android",
            "Firefox/",
        ]
        .iter()
        .any(|t| ua.contains(t))
}

/// Eviction for a browser with this user agent, running installed (`display-mode:
/// standalone`, or iOS's `navigator.standalone`) or not.
pub(crate) fn eviction(user_agent: &str, standalone: bool) -> Eviction {
    match (is_webkit(user_agent), standalone) {
        (false, _) => Eviction::NotExpected,
        (true, true) => Eviction::Installed,
        (true, false) => Eviction::AtRisk,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAFARI_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    const SAFARI_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    const CHROME_IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";
    const IPAD_DESKTOP_MODE: &str = SAFARI_MAC;
    const WEBKITGTK: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
    const CHROME_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    const EDGE: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    const SAMSUNG: &str = "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36";

    #[test]
    fn webkit_is_safari_and_every_iphone_browser() {
        for ua in [
            SAFARI_MAC,
            SAFARI_IPHONE,
            CHROME_IPHONE,
            IPAD_DESKTOP_MODE,
            WEBKITGTK,
        ] {
            assert!(is_webkit(ua), "{ua}");
        }
        for ua in [CHROME_MAC, CHROME_ANDROID, EDGE, FIREFOX, SAMSUNG, ""] {
            assert!(!is_webkit(ua), "{ua}");
        }
    }

    #[test]
    fn installed_web_apps_are_exempt() {
        assert_eq!(eviction(SAFARI_IPHONE, false), Eviction::AtRisk);
        assert_eq!(eviction(SAFARI_IPHONE, true), Eviction::Installed);
        assert_eq!(eviction(CHROME_ANDROID, true), Eviction::NotExpected);
        assert_eq!(eviction(FIREFOX, false), Eviction::NotExpected);
    }
}
