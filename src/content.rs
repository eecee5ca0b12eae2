//! Where the course is: the folder that holds `scenarios/`, `plans/` and `assets/`.
//!
//! In order:
//! 1. the current folder, when it holds a `scenarios` folder (a developer's checkout, an author's
//!    working folder): paths stay relative, so messages read `scenarios/s1-bar-worker.ron:…`;
//! 2. the program's own folder (an unzipped package, started by a double click from anywhere);
//! 3. `../share/mpa-trainer` from the program's folder (the Debian package installs the program
//!    in `/usr/bin` and the course in `/usr/share/mpa-trainer`).
//!
//! When none holds a course, the current folder is kept and loading says what is missing.
//! Options given on the command line (`--scenarios`, `--catalogue`, `--plans`) always win.

use std::path::{Path, PathBuf};

/// The folder under `share/` the Debian package installs the course into.
pub const SHARE_NAME: &str = "mpa-trainer";

/// The course root for this process (see the module documentation).
pub fn root() -> PathBuf {
    // A browser's course is mounted at the paths a checkout has (`crate::files`).
    if cfg!(target_arch = "wasm32") {
        return PathBuf::new();
    }
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| p.canonicalize().ok());
    choose(Path::new(""), exe.as_deref(), &|dir: &Path| {
        dir.join("scenarios").is_dir()
    })
}

/// A path inside the course root, e.g. `path("scenarios/catalogue.ron")`.
pub fn path(relative: &str) -> PathBuf {
    root().join(relative)
}

/// The rule itself, over a current folder, the program's path and a test for "holds a course".
pub fn choose(current: &Path, exe: Option<&Path>, holds_course: &dyn Fn(&Path) -> bool) -> PathBuf {
    let mut candidates = vec![current.to_path_buf()];
    if let Some(folder) = exe.and_then(Path::parent) {
        candidates.push(folder.to_path_buf());
        if let Some(prefix) = folder.parent() {
            candidates.push(prefix.join("share").join(SHARE_NAME));
        }
    }
    let probe = |c: &PathBuf| {
        if c.as_os_str().is_empty() {
            holds_course(Path::new("."))
        } else {
            holds_course(c)
        }
    };
    candidates
        .into_iter()
        .find(|c| probe(c))
        .unwrap_or_else(|| current.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn with(courses: &[&str]) -> impl Fn(&Path) -> bool {
        let set: HashSet<PathBuf> = courses.iter().map(PathBuf::from).collect();
        move |p: &Path| set.contains(p)
    }

    #[test]
    fn the_current_folder_wins_and_stays_relative() {
        let holds = with(&[".", "/opt/mpa"]);
        let root = choose(
            Path::new(""),
            Some(Path::new("/opt/mpa/mpa-trainer")),
            &holds,
        );
        assert_eq!(root, PathBuf::new());
        assert_eq!(root.join("scenarios"), PathBuf::from("scenarios"));
    }

    #[test]
    fn an_unzipped_package_is_found_beside_the_program() {
        let holds = with(&["/home/t/Downloads/mpa-trainer-0.1.0"]);
        let exe = Path::new("/home/t/Downloads/mpa-trainer-0.1.0/mpa-trainer");
        assert_eq!(
            choose(Path::new(""), Some(exe), &holds),
            PathBuf::from("/home/t/Downloads/mpa-trainer-0.1.0")
        );
    }

    #[test]
    fn the_debian_layout_is_found_under_share() {
        let holds = with(&["/usr/share/mpa-trainer"]);
        assert_eq!(
            choose(
                Path::new(""),
                Some(Path::new("/usr/bin/mpa-trainer")),
                &holds
            ),
            PathBuf::from("/usr/share/mpa-trainer")
        );
    }

    #[test]
    fn without_a_course_anywhere_the_current_folder_is_kept() {
        let holds = with(&[]);
        assert_eq!(
            choose(
                Path::new(""),
                Some(Path::new("/usr/bin/mpa-trainer")),
                &holds
            ),
            PathBuf::new()
        );
        assert_eq!(choose(Path::new(""), None, &holds), PathBuf::new());
    }
}
