//! The passphrase lock's cryptography, by the browser's WebCrypto: PBKDF2-SHA256
//! (600,000 iterations) derives an AES-GCM-256 key; every save uses a fresh 12-byte IV.
//! AES-GCM authenticates, so a wrong passphrase and tampered data both fail cleanly.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use super::sealed::{Holds, Sealed, SealedParts, IV_LEN, KDF_ITERATIONS, SALT_LEN};
use crate::error::LockError;

/// A derived key and the salt and iterations it came from (stored with every save).
#[derive(Clone)]
pub(crate) struct SealKey {
    key: CryptoKey,
    salt: Vec<u8>,
    iterations: u32,
}

fn subtle() -> Result<SubtleCrypto, LockError> {
    let crypto = web_sys::window()
        .ok_or(LockError::NoWebCrypto)?
        .crypto()
        .map_err(|_| LockError::NoWebCrypto)?;
    Ok(crypto.subtle())
}

pub(crate) fn random_bytes(n: usize) -> Result<Vec<u8>, LockError> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .ok_or(LockError::NoRandom)?
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).map(|_| ()))
        .map_err(|_| LockError::NoRandom)?;
    Ok(bytes)
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

async fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, LockError> {
    let subtle = subtle()?;
    let fail = |_| LockError::KeyDerivation;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = JsFuture::from(
        subtle
            .import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"]))
            .map_err(fail)?,
    )
    .await
    .map_err(fail)?;
    let algorithm = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let derived_type = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = JsFuture::from(
        subtle
            .derive_key_with_object_and_object(
                &algorithm,
                base.unchecked_ref(),
                &derived_type,
                false,
                &usages(&["encrypt", "decrypt"]),
            )
            .map_err(fail)?,
    )
    .await
    .map_err(fail)?;
    Ok(key.unchecked_into())
}

/// A new key with a fresh salt, for turning the lock on.
pub(crate) async fn new_key(passphrase: &str) -> Result<SealKey, LockError> {
    let salt = random_bytes(SALT_LEN)?;
    let key = derive(passphrase, &salt, KDF_ITERATIONS).await?;
    Ok(SealKey {
        key,
        salt,
        iterations: KDF_ITERATIONS,
    })
}

/// Encrypts `plaintext` with a fresh IV; `holds` says what it is (see [`Holds`]).
pub(crate) async fn seal(
    key: &SealKey,
    plaintext: &str,
    holds: Holds,
) -> Result<Sealed, LockError> {
    let iv = random_bytes(IV_LEN)?;
    let algorithm = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv.as_slice()).into()),
    ]);
    let fail = |_| LockError::Encryption;
    let out = JsFuture::from(
        subtle()?
            .encrypt_with_object_and_u8_array(&algorithm, &key.key, plaintext.as_bytes())
            .map_err(fail)?,
    )
    .await
    .map_err(fail)?;
    let ciphertext = Uint8Array::new(&out).to_vec();
    Ok(Sealed::new(
        key.iterations,
        &key.salt,
        &iv,
        &ciphertext,
        holds,
    ))
}

/// Derives the key from `passphrase` and decrypts. Fails the same way for a wrong
/// passphrase and for tampered data: AES-GCM can't tell them apart, and neither can we.
pub(crate) async fn open(
    passphrase: &str,
    sealed: &Sealed,
) -> Result<(String, SealKey), LockError> {
    let SealedParts {
        iterations,
        salt,
        iv,
        ciphertext,
    } = sealed.parts().map_err(LockError::Settings)?;
    let key = derive(passphrase, &salt, iterations).await?;
    let algorithm = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(iv.as_slice()).into()),
    ]);
    let wrong = |_| LockError::WrongPassphrase;
    let out = JsFuture::from(
        subtle()?
            .decrypt_with_object_and_u8_array(&algorithm, &key, &ciphertext)
            .map_err(wrong)?,
    )
    .await
    .map_err(wrong)?;
    let text = String::from_utf8(Uint8Array::new(&out).to_vec()).map_err(|_| LockError::NotText)?;
    Ok((
        text,
        SealKey {
            key,
            salt,
            iterations,
        },
    ))
}

/// Decrypts with a key already held (another tab's save under the same passphrase).
pub(crate) async fn open_with(key: &SealKey, sealed: &Sealed) -> Result<String, LockError> {
    let parts = sealed.parts().map_err(LockError::Settings)?;
    if parts.salt != key.salt || parts.iterations != key.iterations {
        return Err(LockError::OtherPassphrase);
    }
    let algorithm = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(parts.iv.as_slice()).into()),
    ]);
    let fail = |_| LockError::Changed;
    let out = JsFuture::from(
        subtle()?
            .decrypt_with_object_and_u8_array(&algorithm, &key.key, &parts.ciphertext)
            .map_err(fail)?,
    )
    .await
    .map_err(fail)?;
    String::from_utf8(Uint8Array::new(&out).to_vec()).map_err(|_| LockError::NotText)
}
