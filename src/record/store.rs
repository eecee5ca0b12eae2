//! Where session files go. `FsStore` is the real file system; tests put a store that fails on
//! purpose in its place to prove that a full, read-only or vanished folder loses nothing.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The few file operations the recorder needs.
pub trait Store: Send + Sync {
    /// Creates a folder and its parents, readable by its owner only where the system allows.
    fn create_dir(&mut self, dir: &Path) -> io::Result<()>;
    /// Creates a new, empty file, never overwriting one; readable by its owner only.
    fn create_new(&mut self, path: &Path) -> io::Result<()>;
    /// Cuts the file back to its first `len` bytes (dropping a torn tail), appends `bytes`, and
    /// waits until they are on the disk.
    fn append_at(&mut self, path: &Path, len: u64, bytes: &[u8]) -> io::Result<()>;
}

/// The store of this machine: its file system, or a browser's storage.
pub fn default_store() -> Box<dyn Store> {
    #[cfg(target_arch = "wasm32")]
    return Box::new(BrowserStore);
    #[cfg(not(target_arch = "wasm32"))]
    Box::new(FsStore::new())
}

/// The real file system, keeping the current session file open between appends.
#[derive(Debug, Default)]
pub struct FsStore {
    open: Option<(PathBuf, File)>,
}

impl FsStore {
    /// A store on the real file system.
    pub fn new() -> Self {
        FsStore::default()
    }

    fn handle(&mut self, path: &Path) -> io::Result<&mut File> {
        // A file whose path is gone (its folder deleted) must not swallow writes into an
        // unlinked inode: check the path on every append.
        let still_there = fs::metadata(path).is_ok();
        let reuse = still_there && self.open.as_ref().is_some_and(|(p, _)| p == path);
        if !reuse {
            self.open = None;
            let file = OpenOptions::new().write(true).open(path)?;
            self.open = Some((path.to_path_buf(), file));
        }
        match self.open.as_mut() {
            Some((_, file)) => Ok(file),
            None => Err(io::Error::other("the session file could not be opened")),
        }
    }
}

impl Store for FsStore {
    fn create_dir(&mut self, dir: &Path) -> io::Result<()> {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)
    }

    fn create_new(&mut self, path: &Path) -> io::Result<()> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(path)?;
        file.sync_all()?;
        // Make the new name itself durable.
        if let Some(dir) = path.parent()
            && let Ok(d) = File::open(dir)
        {
            let _ = d.sync_all();
        }
        self.open = Some((path.to_path_buf(), file));
        Ok(())
    }

    fn append_at(&mut self, path: &Path, len: u64, bytes: &[u8]) -> io::Result<()> {
        let file = self.handle(path)?;
        let actual = file.metadata()?.len();
        if actual < len {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the session file is shorter than what was saved: something else changed it",
            ));
        }
        if actual > len {
            file.set_len(len)?;
        }
        use std::io::{Seek, SeekFrom};
        file.seek(SeekFrom::Start(len))?;
        let written = file.write_all(bytes).and_then(|()| file.sync_data());
        if written.is_err() {
            // Do not keep a handle whose state is unknown; the next append reopens and cuts.
            self.open = None;
        }
        written
    }
}

fn private_options() -> OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut options = OpenOptions::new();
        options.mode(0o600);
        options
    }
    // Elsewhere (Windows) the user's own folders are private by their access lists.
    #[cfg(not(unix))]
    OpenOptions::new()
}

/// Writes a whole file readable by its owner only (created or replaced), on the disk when this
/// returns.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = private_options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Appends to a file readable by its owner only (created if missing), on the disk when this
/// returns. One call is one write, so lines appended by two processes do not interleave.
pub fn append_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = private_options().append(true).create(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_data()
}

/// A browser's storage (see `crate::files`): a session file is one entry, rewritten whole at
/// each append; a full or switched-off storage fails as a full or read-only disk does.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Default)]
pub struct BrowserStore;

#[cfg(target_arch = "wasm32")]
impl Store for BrowserStore {
    fn create_dir(&mut self, _dir: &Path) -> io::Result<()> {
        // A folder is only the start of its files' names here.
        Ok(())
    }

    fn create_new(&mut self, path: &Path) -> io::Result<()> {
        if crate::files::is_file(path) {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        crate::files::write(path, b"")
    }

    fn append_at(&mut self, path: &Path, len: u64, bytes: &[u8]) -> io::Result<()> {
        let mut now = crate::files::read(path)?;
        now.truncate(usize::try_from(len).unwrap_or(usize::MAX));
        now.extend_from_slice(bytes);
        crate::files::write(path, &now)
    }
}
