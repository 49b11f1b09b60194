//! The passphrase lock's stored format: the envelope carries `sealed` (AES-GCM
//! ciphertext of the data, with everything needed to derive the key again) instead of
//! `data`. Pure: parsing and checking here, the cryptography in `crypto`.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::envelope;
use crate::error::{LockError, SealedProblem};

/// OWASP's current minimum for PBKDF2-HMAC-SHA256.
pub(crate) const KDF_ITERATIONS: u32 = 600_000;
pub(crate) const SALT_LEN: usize = 16;
/// AES-GCM's standard nonce size; a fresh one for every save.
pub(crate) const IV_LEN: usize = 12;

/// What the ciphertext holds once opened. The notebook itself (and encrypted backups,
/// which share its format) hold the envelope's `data`; the copies kept beside it (the
/// safety copy, set-aside copies, an unsaved edit) hold a whole file's text, exactly as
/// it would have been stored or downloaded in plain, so opening gives that file back.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Holds {
    #[default]
    Data,
    File,
}

impl Holds {
    fn is_data(&self) -> bool {
        *self == Holds::Data
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Sealed {
    pub(crate) version: u32,
    pub(crate) kdf: String,
    pub(crate) iterations: u32,
    pub(crate) salt: String,
    pub(crate) cipher: String,
    pub(crate) iv: String,
    pub(crate) data: String,
    /// Absent in everything written before copies were sealed: those hold `data`.
    #[serde(default, skip_serializing_if = "Holds::is_data")]
    pub(crate) holds: Holds,
}

/// Raw parts, checked and decoded from base64.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SealedParts {
    pub(crate) iterations: u32,
    pub(crate) salt: Vec<u8>,
    pub(crate) iv: Vec<u8>,
    pub(crate) ciphertext: Vec<u8>,
}

impl Sealed {
    pub(crate) fn new(
        iterations: u32,
        salt: &[u8],
        iv: &[u8],
        ciphertext: &[u8],
        holds: Holds,
    ) -> Sealed {
        Sealed {
            holds,
            version: 1,
            kdf: "PBKDF2-SHA256".into(),
            iterations,
            salt: B64.encode(salt),
            cipher: "AES-GCM-256".into(),
            iv: B64.encode(iv),
            data: B64.encode(ciphertext),
        }
    }

    /// Refuses anything this build did not write: another version, weaker settings.
    pub(crate) fn parts(&self) -> Result<SealedParts, SealedProblem> {
        if self.version != 1 || self.kdf != "PBKDF2-SHA256" || self.cipher != "AES-GCM-256" {
            return Err(SealedProblem::UnknownSettings);
        }
        if self.iterations < KDF_ITERATIONS {
            return Err(SealedProblem::Weaker);
        }
        let bad = |_| SealedProblem::Damaged;
        let salt = B64.decode(&self.salt).map_err(bad)?;
        let iv = B64.decode(&self.iv).map_err(bad)?;
        let ciphertext = B64.decode(&self.data).map_err(bad)?;
        if salt.len() != SALT_LEN || iv.len() != IV_LEN || ciphertext.len() < 16 {
            return Err(SealedProblem::Damaged);
        }
        Ok(SealedParts {
            iterations: self.iterations,
            salt,
            iv,
            ciphertext,
        })
    }
}

/// The `sealed` part and revision of a locked envelope; `None` for anything else.
pub(crate) fn peek(raw: &str) -> Option<(Sealed, u64)> {
    #[derive(Deserialize)]
    struct Head {
        schema_version: u32,
        sealed: Sealed,
        revision: Option<u64>,
    }
    // Knockback's own plain or packed envelopes say so in their head: no need to parse
    // megabytes to learn they aren't locked (this ran on every start).
    if super::envelope::head_says_unsealed(raw) {
        return None;
    }
    let head: Head = serde_json::from_str(raw).ok()?;
    // Schema 2 changed only how plain data is stored, so a lock from schema 1 opens the same.
    super::envelope::readable_version(u64::from(head.schema_version))
        .then(|| (head.sealed, head.revision.unwrap_or(0)))
}

/// The locked envelope's text. Fails rather than write a file with a hole in it.
pub(crate) fn wrap(
    sealed: &Sealed,
    revision: u64,
    saved_at: DateTime<Utc>,
) -> Result<String, LockError> {
    let sealed = serde_json::to_string(sealed).map_err(|_| LockError::Wrap)?;
    let mut out = envelope::head(revision, saved_at, None);
    out.push_str("\"sealed\":");
    out.push_str(&sealed);
    out.push('}');
    Ok(out)
}

/// True when `raw` is any passphrase-locked envelope, of whatever version: text that is
/// already ciphertext and must not be sealed again or shown as readable.
pub(crate) fn is_sealed(raw: &str) -> bool {
    #[derive(Deserialize)]
    struct Head {
        #[allow(dead_code)]
        sealed: serde_json::Value,
    }
    !super::envelope::head_says_unsealed(raw) && serde_json::from_str::<Head>(raw).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::SCHEMA_VERSION;

    fn sample() -> Sealed {
        Sealed::new(
            KDF_ITERATIONS,
            &[7; SALT_LEN],
            &[9; IV_LEN],
            &[1; 40],
            Holds::Data,
        )
    }

    #[test]
    fn round_trips_through_the_envelope() {
        let raw = wrap(&sample(), 4, Utc::now()).expect("wraps");
        let (back, revision) = peek(&raw).expect("sealed");
        assert_eq!(back, sample());
        assert_eq!(revision, 4);
        assert_eq!(
            crate::storage::envelope::peek_revision(&raw),
            Some(4),
            "other tabs see its revision"
        );
        let parts = back.parts().expect("valid");
        assert_eq!(
            (parts.salt.len(), parts.iv.len(), parts.ciphertext.len()),
            (16, 12, 40)
        );
        assert!(peek(r#"{"schema_version":1,"data":{}}"#).is_none());
        // A lock made under schema 1 still opens; one from a newer schema is left alone.
        let v1 = raw.replacen(
            &format!("\"schema_version\":{SCHEMA_VERSION}"),
            "\"schema_version\":1",
            1,
        );
        assert_eq!(peek(&v1), Some((sample(), 4)));
        let future = raw.replacen(
            &format!("\"schema_version\":{SCHEMA_VERSION}"),
            "\"schema_version\":99",
            1,
        );
        assert!(peek(&future).is_none());
        assert!(
            crate::storage::envelope::decode(&raw).is_err(),
            "a locked envelope never decodes as plain data"
        );
    }

    #[test]
    fn copies_say_they_hold_a_file_and_old_locks_hold_data() {
        let mut copy = sample();
        copy.holds = Holds::File;
        let raw = wrap(&copy, 0, Utc::now()).expect("wraps");
        assert!(raw.contains("\"holds\":\"file\""));
        assert_eq!(peek(&raw).map(|(s, _)| s.holds), Some(Holds::File));
        assert!(is_sealed(&raw));
        // Written before `holds` existed: the notebook's data.
        let old = wrap(&sample(), 3, Utc::now()).expect("wraps");
        assert!(!old.contains("holds"));
        assert_eq!(peek(&old).map(|(s, _)| s.holds), Some(Holds::Data));
        // A lock from a newer schema can't be opened here, but it is still ciphertext.
        let future = old.replacen(
            &format!("\"schema_version\":{SCHEMA_VERSION}"),
            "\"schema_version\":99",
            1,
        );
        assert!(peek(&future).is_none() && is_sealed(&future));
        assert!(!is_sealed(
            r#"{"schema_version":2,"data":{"applications":[]}}"#
        ));
        assert!(!is_sealed("not json"));
    }

    #[test]
    fn weak_or_damaged_settings_are_refused() {
        let mut s = sample();
        s.iterations = 1000;
        assert!(s.parts().is_err());
        let mut s = sample();
        s.iv = B64.encode([0u8; 8]);
        assert!(s.parts().is_err());
        let mut s = sample();
        s.data = "not base64!".into();
        assert!(s.parts().is_err());
        let mut s = sample();
        s.cipher = "ROT13".into();
        assert!(s.parts().is_err());
    }
}
