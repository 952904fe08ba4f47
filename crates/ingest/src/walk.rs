//! Walking files and folders.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::{Batch, Error, ErrorKind, Reader};

/// An iterator over the inputs under some paths, each with what reading it gave.
///
/// Folders are walked recursively, their entries in sorted order, skipping hidden files and
/// folders (names starting with `.`). A path given explicitly is read even if hidden. A
/// folder that links back to one of its ancestors is reported as
/// [`ErrorKind::SymlinkLoop`] and not entered again. The path `-` reads standard input.
///
/// The walk is lazy: each file is read when the iterator reaches it.
pub struct Walk {
    reader: Reader,
    /// Paths still to visit, next last, each with the canonical paths of the folders it is in.
    pending: Vec<(PathBuf, Vec<PathBuf>)>,
}

impl Walk {
    pub(crate) fn new(reader: Reader, paths: &[PathBuf]) -> Walk {
        let pending = paths.iter().rev().map(|p| (p.clone(), Vec::new())).collect();
        Walk { reader, pending }
    }

    /// The entries of `dir`, sorted, hidden ones left out, queued to visit next.
    fn enter(&mut self, dir: &Path, ancestors: Vec<PathBuf>) -> Option<Error> {
        let name = dir.display().to_string();
        let canonical = match dir.canonicalize() {
            Ok(c) => c,
            Err(e) => return Some(Error::io(&name, &e)),
        };
        if ancestors.contains(&canonical) {
            return Some(Error::new(&name, ErrorKind::SymlinkLoop, ""));
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return Some(Error::io(&name, &e)),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| entry.path())
            .collect();
        paths.sort();
        let mut ancestors = ancestors;
        ancestors.push(canonical);
        let mut seen = HashSet::new();
        for path in paths.into_iter().rev() {
            if seen.insert(path.clone()) {
                self.pending.push((path, ancestors.clone()));
            }
        }
        None
    }
}

impl Iterator for Walk {
    type Item = (PathBuf, Result<Batch, Error>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (path, ancestors) = self.pending.pop()?;
            if path.as_os_str() == "-" && ancestors.is_empty() {
                return Some((path, self.reader.read_stdin()));
            }
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    if let Some(err) = self.enter(&path, ancestors) {
                        return Some((path, Err(err)));
                    }
                }
                Ok(_) => {
                    let result = self.reader.read_path(&path);
                    return Some((path, result));
                }
                Err(e) => {
                    let err = Error::io(&path.display().to_string(), &e);
                    return Some((path, Err(err)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("litopys-ingest-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn walks_sorted_skipping_hidden() {
        let dir = temp_dir("walk");
        std::fs::create_dir_all(dir.join("b/.hidden")).unwrap();
        std::fs::write(dir.join("b/2.txt"), "two\n\ntext").unwrap();
        std::fs::write(dir.join("b/.hidden/x.txt"), "hidden").unwrap();
        std::fs::write(dir.join(".dot.txt"), "hidden").unwrap();
        std::fs::write(dir.join("a.txt"), "one").unwrap();
        std::fs::write(dir.join("c.bin"), b"\0\x01\x02").unwrap();
        std::fs::write(dir.join("empty.txt"), "").unwrap();
        let results: Vec<(String, Result<usize, ErrorKind>)> = crate::walk(&[dir.clone(), dir.join("missing")])
            .map(|(path, result)| {
                let rel = path.strip_prefix(&dir).unwrap_or(&path).display().to_string();
                (rel, result.map(|b| b.documents.len()).map_err(|e| e.kind()))
            })
            .collect();
        let expect: Vec<(String, Result<usize, ErrorKind>)> = vec![
            ("a.txt".into(), Ok(1)),
            ("b/2.txt".into(), Ok(1)),
            ("c.bin".into(), Err(ErrorKind::Binary)),
            ("empty.txt".into(), Ok(0)),
            ("missing".into(), Err(ErrorKind::NotFound)),
        ];
        assert_eq!(results, expect);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_reported() {
        let dir = temp_dir("loop");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/a.txt"), "text").unwrap();
        std::os::unix::fs::symlink(&dir, dir.join("sub/back")).unwrap();
        let kinds: Vec<Result<usize, ErrorKind>> = crate::walk(std::slice::from_ref(&dir))
            .map(|(_, result)| result.map(|b| b.documents.len()).map_err(|e| e.kind()))
            .collect();
        assert_eq!(kinds, [Ok(1), Err(ErrorKind::SymlinkLoop)]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
