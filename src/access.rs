//! The facilitator's passphrase: set on first use, stored only as a salted Argon2 hash in a file
//! readable by its owner, so trainees on a shared laptop cannot open the cohort's results.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The shortest passphrase accepted.
pub const MIN_LENGTH: usize = 8;

/// Why the passphrase could not be set or checked.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AccessError {
    #[error("the passphrase must have at least {MIN_LENGTH} characters")]
    TooShort,
    #[error("the two passphrases differ")]
    Mismatch,
    #[error("a passphrase is already set")]
    AlreadySet,
    #[error("the passphrase file {0} cannot be written: {1}")]
    Write(PathBuf, String),
    #[error("the passphrase file {0} is damaged; delete it to set a new passphrase")]
    Damaged(PathBuf),
    #[error("the passphrase could not be hashed: {0}")]
    Hash(String),
}

/// Where the facilitator's passphrase hash is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passphrase {
    path: PathBuf,
}

impl Passphrase {
    /// The passphrase kept in a given file.
    pub fn at(path: &Path) -> Self {
        Passphrase {
            path: path.to_path_buf(),
        }
    }

    /// The passphrase in the user's configuration folder.
    pub fn default_location() -> Self {
        let path = crate::files::config_dir().map_or_else(
            || PathBuf::from("facilitator.phc"),
            |d| d.join("facilitator.phc"),
        );
        Passphrase { path }
    }

    /// Whether a passphrase has been set.
    pub fn is_set(&self) -> bool {
        self.path.is_file()
    }

    /// Sets the passphrase on first use (`again` must repeat it).
    pub fn set(&self, passphrase: &str, again: &str) -> Result<(), AccessError> {
        if self.is_set() {
            return Err(AccessError::AlreadySet);
        }
        if passphrase.chars().count() < MIN_LENGTH {
            return Err(AccessError::TooShort);
        }
        if passphrase != again {
            return Err(AccessError::Mismatch);
        }
        let mut salt = [0u8; 16];
        crate::entropy::fill(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|e| AccessError::Hash(e.to_string()))?;
        let hash = Argon2::default()
            .hash_password(passphrase.as_bytes(), &salt)
            .map_err(|e| AccessError::Hash(e.to_string()))?
            .to_string();
        let write_err = |e: std::io::Error| AccessError::Write(self.path.clone(), e.to_string());
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(write_err)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        use std::io::Write;
        let mut file = options.open(&self.path).map_err(write_err)?;
        file.write_all(hash.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(write_err)
    }

    /// Whether `passphrase` is the one set.
    pub fn check(&self, passphrase: &str) -> Result<bool, AccessError> {
        let stored = std::fs::read_to_string(&self.path)
            .map_err(|_| AccessError::Damaged(self.path.clone()))?;
        let parsed = PasswordHash::new(stored.trim())
            .map_err(|_| AccessError::Damaged(self.path.clone()))?;
        Ok(Argon2::default()
            .verify_password(passphrase.as_bytes(), &parsed)
            .is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passphrase_is_stored_as_a_salted_hash_only() {
        let dir = tempfile::tempdir().unwrap();
        let p = Passphrase::at(&dir.path().join("f.phc"));
        assert!(!p.is_set());
        assert_eq!(p.set("short", "short"), Err(AccessError::TooShort));
        assert_eq!(
            p.set("long enough", "long enougH"),
            Err(AccessError::Mismatch)
        );
        p.set("long enough", "long enough").unwrap();
        assert_eq!(
            p.set("another one", "another one"),
            Err(AccessError::AlreadySet)
        );
        let stored = std::fs::read_to_string(dir.path().join("f.phc")).unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("long enough"));
        assert!(p.check("long enough").unwrap());
        assert!(!p.check("long enougH").unwrap());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("f.phc"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Two facilitators with the same passphrase get different hashes (salted).
        let q = Passphrase::at(&dir.path().join("g.phc"));
        q.set("long enough", "long enough").unwrap();
        assert_ne!(
            stored,
            std::fs::read_to_string(dir.path().join("g.phc")).unwrap()
        );
    }
}
