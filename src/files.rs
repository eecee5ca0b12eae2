//! The file operations the course loader, the plans, the art and the records share, in one
//! place. On the desktop they are the file system's. In a browser there is no file system: the
//! course is fetched over HTTP when the page opens and kept in memory (`mount`), read-only, at
//! the same relative paths as on the desktop (`scenarios/…`, `plans/…`, `assets/…`), so that
//! loading and its messages are the same; what the program writes (session records, settings)
//! goes to the page's local storage, one entry per file.

use std::io;
use std::path::{Path, PathBuf};

/// An entry of a folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Listed {
    pub path: PathBuf,
    pub is_dir: bool,
}

impl Listed {
    /// The entry's own name.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// `./a/../b` and `a/b` name the same file (where there are only names, no links).
pub fn normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
        }
    }
    out
}

/// The entries of a folder among a set of file paths (where folders are only the start of
/// their files' names): each name once, a folder where a longer path goes through it, sorted.
pub fn children(paths: &[PathBuf], dir: &Path) -> Vec<Listed> {
    let dir = normal(dir);
    let mut out: Vec<Listed> = paths
        .iter()
        .filter_map(|p| {
            let p = normal(p);
            let rest = p.strip_prefix(&dir).ok()?;
            let mut parts = rest.components();
            let first = parts.next()?;
            Some(Listed {
                path: dir.join(first),
                is_dir: parts.next().is_some(),
            })
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Listed;
    use std::io::{self, Read};
    use std::path::{Path, PathBuf};

    pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        std::fs::File::open(path)?
            .take(limit)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(path, bytes)
    }

    pub fn append_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
        crate::record::store::append_private(path, bytes)
    }

    pub fn remove(path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }

    pub fn create_dir_all(path: &Path) -> io::Result<()> {
        std::fs::create_dir_all(path)
    }

    pub fn list(dir: &Path) -> io::Result<Vec<Listed>> {
        let mut out = Vec::new();
        for item in std::fs::read_dir(dir)? {
            let Ok(item) = item else { continue };
            // `file_type` does not follow links: a linked folder is not walked (no loops).
            let is_dir = item.file_type().is_ok_and(|t| t.is_dir());
            out.push(Listed {
                path: dir.join(item.file_name()),
                is_dir,
            });
        }
        out.sort();
        Ok(out)
    }

    pub fn is_dir(path: &Path) -> bool {
        path.is_dir()
    }

    pub fn is_file(path: &Path) -> bool {
        path.is_file()
    }

    pub fn canonicalize(path: &Path) -> io::Result<PathBuf> {
        path.canonicalize()
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    //! The course in memory, the rest in local storage.
    use super::{Listed, children, normal};
    use std::collections::BTreeMap;
    use std::io;
    use std::path::{Path, PathBuf};
    use std::sync::RwLock;

    /// The course fetched at start, by path.
    static MOUNTED: RwLock<BTreeMap<PathBuf, Vec<u8>>> = RwLock::new(BTreeMap::new());

    /// What every local-storage entry of this program starts with, apart from the page's others.
    const PREFIX: &str = "mpa-trainer:file:";

    pub fn mount(files: Vec<(PathBuf, Vec<u8>)>) {
        if let Ok(mut m) = MOUNTED.write() {
            m.clear();
            m.extend(files.into_iter().map(|(p, b)| (normal(&p), b)));
        }
    }

    fn storage() -> io::Result<web_sys::Storage> {
        web_sys::window()
            .ok_or_else(|| io::Error::other("no browser window"))?
            .local_storage()
            .ok()
            .flatten()
            .ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    "the browser's storage is switched off for this page",
                )
            })
    }

    fn js_error(e: &wasm_bindgen::JsValue) -> io::Error {
        let name = js_sys::Reflect::get(e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name.contains("Quota") {
            io::Error::new(io::ErrorKind::StorageFull, "the browser's storage is full")
        } else {
            io::Error::other(format!("the browser's storage refused: {name}"))
        }
    }

    fn key(path: &Path) -> String {
        format!("{PREFIX}{}", normal(path).to_string_lossy())
    }

    /// Every stored path (not the mounted course).
    fn stored() -> Vec<PathBuf> {
        let Ok(s) = storage() else {
            return Vec::new();
        };
        (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter_map(|k| k.strip_prefix(PREFIX).map(PathBuf::from))
            .collect()
    }

    fn all_paths() -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = MOUNTED
            .read()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        paths.extend(stored());
        paths
    }

    pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let path = normal(path);
        if let Some(bytes) = MOUNTED.read().ok().and_then(|m| m.get(&path).cloned()) {
            return Ok(bytes.into_iter().take(limit).collect());
        }
        storage()?
            .get_item(&key(&path))
            .map_err(|e| js_error(&e))?
            .map(|t| t.into_bytes().into_iter().take(limit).collect())
            .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
    }

    pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not text"))?;
        storage()?
            .set_item(&key(path), text)
            .map_err(|e| js_error(&e))
    }

    pub fn append_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut now = match read_limited(path, u64::MAX) {
            Ok(now) => now,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        now.extend_from_slice(bytes);
        write(path, &now)
    }

    pub fn remove(path: &Path) -> io::Result<()> {
        storage()?.remove_item(&key(path)).map_err(|e| js_error(&e))
    }

    pub fn create_dir_all(_path: &Path) -> io::Result<()> {
        // A folder is only the start of its files' names here.
        Ok(())
    }

    pub fn list(dir: &Path) -> io::Result<Vec<Listed>> {
        let out = children(&all_paths(), dir);
        if out.is_empty() {
            return Err(io::Error::from(io::ErrorKind::NotFound));
        }
        Ok(out)
    }

    pub fn is_dir(path: &Path) -> bool {
        let path = normal(path);
        all_paths()
            .iter()
            .any(|p| p != &path && p.starts_with(&path))
    }

    pub fn is_file(path: &Path) -> bool {
        let path = normal(path);
        all_paths().contains(&path)
    }

    pub fn canonicalize(path: &Path) -> io::Result<PathBuf> {
        let path = normal(path);
        if is_file(&path) || is_dir(&path) {
            Ok(path)
        } else {
            Err(io::Error::from(io::ErrorKind::NotFound))
        }
    }
}

/// The user's configuration folder (settings, the LRS, the facilitator's passphrase); in a
/// browser, `config/` in the page's storage.
pub fn config_dir() -> Option<PathBuf> {
    if cfg!(target_arch = "wasm32") {
        return Some(PathBuf::from("config"));
    }
    directories::ProjectDirs::from("org", "mpa-trainer", "mpa-trainer")
        .map(|d| d.config_dir().to_path_buf())
}

/// The user's data folder (session records); in a browser, `data/` in the page's storage.
pub fn data_dir() -> Option<PathBuf> {
    if cfg!(target_arch = "wasm32") {
        return Some(PathBuf::from("data"));
    }
    directories::ProjectDirs::from("org", "mpa-trainer", "mpa-trainer")
        .map(|d| d.data_dir().to_path_buf())
}

/// The course fetched over HTTP, at its relative paths (a browser only).
#[cfg(target_arch = "wasm32")]
pub fn mount(files: Vec<(PathBuf, Vec<u8>)>) {
    imp::mount(files);
}

/// The first `limit` bytes of a file.
pub fn read_limited(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    imp::read_limited(path, limit)
}

/// A whole file.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    imp::read_limited(path, u64::MAX)
}

/// A whole text file.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read(path)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Writes a whole file (in a browser, a storage entry).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    imp::write(path, bytes)
}

/// Appends to a file readable by its owner only, created if missing (in a browser, the entry is
/// rewritten with the bytes added: the page's storage is the page's own).
pub fn append_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    imp::append_private(path, bytes)
}

/// Removes a file.
pub fn remove(path: &Path) -> io::Result<()> {
    imp::remove(path)
}

/// Creates a folder and its parents (nothing to do in a browser).
pub fn create_dir_all(path: &Path) -> io::Result<()> {
    imp::create_dir_all(path)
}

/// The entries of a folder, sorted by path.
pub fn list(dir: &Path) -> io::Result<Vec<Listed>> {
    imp::list(dir)
}

/// Whether a folder is there.
pub fn is_dir(path: &Path) -> bool {
    imp::is_dir(path)
}

/// Whether a file is there.
pub fn is_file(path: &Path) -> bool {
    imp::is_file(path)
}

/// The path with links and `..` resolved; an error if nothing is there.
pub fn canonicalize(path: &Path) -> io::Result<PathBuf> {
    imp::canonicalize(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(list: &[&str]) -> Vec<PathBuf> {
        list.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn a_folder_of_names_lists_its_files_and_folders_once() {
        let all = paths(&[
            "scenarios/s1.ron",
            "scenarios/assessment/pre.ron",
            "scenarios/assessment/post.ron",
            "scenarios/s1.es.ron",
            "plans/day1.ron",
            "scenarios-old/s9.ron",
        ]);
        let listed = children(&all, Path::new("./scenarios"));
        let shown: Vec<(String, bool)> = listed.iter().map(|l| (l.name(), l.is_dir)).collect();
        assert_eq!(
            shown,
            [
                ("assessment".to_owned(), true),
                ("s1.es.ron".to_owned(), false),
                ("s1.ron".to_owned(), false),
            ]
        );
        assert_eq!(listed[0].path, Path::new("scenarios/assessment"));
        assert!(children(&all, Path::new("assets")).is_empty());
        assert_eq!(children(&all, Path::new("")).len(), 3);
    }

    #[test]
    fn dots_in_a_path_name_the_same_file() {
        assert_eq!(normal(Path::new("./a/b/../c.ron")), Path::new("a/c.ron"));
        assert_eq!(
            normal(Path::new("/data/results")),
            Path::new("data/results")
        );
    }

    #[test]
    fn a_file_read_stops_at_its_limit_and_a_missing_one_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f.txt");
        write(&file, b"0123456789").unwrap();
        assert_eq!(read_limited(&file, 4).unwrap(), b"0123");
        assert_eq!(read_to_string(&file).unwrap(), "0123456789");
        assert!(is_file(&file) && !is_dir(&file) && is_dir(dir.path()));
        let missing = read(&dir.path().join("none")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        create_dir_all(&dir.path().join("sub/deeper")).unwrap();
        let listed = list(dir.path()).unwrap();
        assert_eq!(
            listed
                .iter()
                .map(|l| (l.name(), l.is_dir))
                .collect::<Vec<_>>(),
            [("f.txt".to_owned(), false), ("sub".to_owned(), true)]
        );
        remove(&file).unwrap();
        assert!(!is_file(&file));
    }
}
