//! Walking files and folders.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::{Batch, Error, ErrorKind, Format, Reader};

/// An iterator over the inputs under some paths, each with what reading it gave.
///
/// Folders are walked recursively, their entries in sorted order. Inside a folder only reports
/// are read: a hidden file or folder (name starting with `.`), a binary file, and a file that
/// is neither named as a report format nor recognised as one by its content (configuration,
/// scripts, system files) comes back as [`ErrorKind::Skipped`], unread. A path given
/// explicitly is always read, whatever its name. A
/// folder that links back to one of its ancestors is reported as
/// [`ErrorKind::SymlinkLoop`] and not entered again. The path `-` reads standard input.
///
/// The walk is lazy: each file is read when the iterator reaches it. A caller that reads large
/// files in parts itself (a plain-text dump, JSON Lines) asks for them with
/// [`Walk::stream_above`]: such a file comes back as [`ErrorKind::Large`], unread.
pub struct Walk {
    reader: Reader,
    /// Paths still to visit, next last, each with the canonical paths of the folders it is in.
    pending: Vec<(PathBuf, Vec<PathBuf>)>,
    /// Files above this size are left to the caller.
    stream_above: Option<u64>,
}

impl Walk {
    pub(crate) fn new(reader: Reader, paths: &[PathBuf]) -> Walk {
        let pending = paths.iter().rev().map(|p| (p.clone(), Vec::new())).collect();
        Walk { reader, pending, stream_above: None }
    }

    /// Leaves every report file over `bytes` unread, as [`ErrorKind::Large`] (after the checks
    /// that skip what is not a report), for a caller that reads large files in parts.
    pub fn stream_above(mut self, bytes: u64) -> Walk {
        self.stream_above = Some(bytes);
        self
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
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
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
            let in_folder = !ancestors.is_empty();
            if in_folder && path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                return Some((path.clone(), Err(skipped(&path, "hidden"))));
            }
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    if let Some(err) = self.enter(&path, ancestors) {
                        return Some((path, Err(err)));
                    }
                }
                Ok(meta) if in_folder && !meta.is_file() => {
                    return Some((path.clone(), Err(skipped(&path, "not a regular file"))));
                }
                Ok(meta) => {
                    if in_folder {
                        if let Some(why) = not_a_report(&path) {
                            return Some((path.clone(), Err(skipped(&path, why))));
                        }
                    }
                    if self.stream_above.is_some_and(|limit| meta.len() > limit) {
                        let err = Error::new(&path.display().to_string(), ErrorKind::Large, format!("{} bytes", meta.len()));
                        return Some((path, Err(err)));
                    }
                    let result = self.reader.read_path(&path);
                    let result = match result {
                        Err(e) if in_folder && e.kind() == ErrorKind::Binary => Err(skipped(&path, "binary")),
                        other => other,
                    };
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

fn skipped(path: &Path, why: &str) -> Error {
    Error::new(&path.display().to_string(), ErrorKind::Skipped, why)
}

/// File name endings of the formats reports come in.
const REPORT_EXTENSIONS: &[&str] =
    &["txt", "text", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson", "rss", "atom", "xml", "warc", "warc.gz"];

/// Why the file at `path`, met in a folder, is not read as a report; `None` if it is one.
///
/// A report is named as one of the [`REPORT_EXTENSIONS`], or recognised by its first bytes as
/// a structured format (an HTML page saved without an extension, a feed, a WARC file). A
/// `.json` or `.xml` file that its content does not show to be a Telegram export, JSON Lines
/// or a feed is configuration, not a report.
fn not_a_report(path: &Path) -> Option<&'static str> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let ext = if name.ends_with(".warc.gz") { "warc.gz" } else { name.rsplit_once('.').map_or("", |(_, e)| e) };
    let head = read_head(path);
    let by_content = head.as_deref().and_then(crate::detect_content);
    match ext {
        "json" => {
            let texts = head.as_deref().is_some_and(|h| String::from_utf8_lossy(h).contains("\"text\""));
            (by_content == Some(Format::Telegram) || (by_content == Some(Format::Jsonl) && texts)).not_then("JSON that is not a Telegram export")
        }
        "xml" => matches!(by_content, Some(Format::Feed | Format::Html)).not_then("XML that is not a feed"),
        e if REPORT_EXTENSIONS.contains(&e) => None,
        _ if by_content.is_some() => None,
        _ => Some("not a report format"),
    }
}

/// `Some(why)` when a condition does not hold.
trait NotThen {
    fn not_then(self, why: &'static str) -> Option<&'static str>;
}

impl NotThen for bool {
    fn not_then(self, why: &'static str) -> Option<&'static str> {
        (!self).then_some(why)
    }
}

/// The first few kilobytes of a file, for recognising its format.
fn read_head(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path).ok()?.take(8192).read_to_end(&mut head).ok()?;
    Some(head)
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
            (".dot.txt".into(), Err(ErrorKind::Skipped)),
            ("a.txt".into(), Ok(1)),
            ("b/.hidden".into(), Err(ErrorKind::Skipped)),
            ("b/2.txt".into(), Ok(1)),
            ("c.bin".into(), Err(ErrorKind::Skipped)),
            ("empty.txt".into(), Ok(0)),
            ("missing".into(), Err(ErrorKind::NotFound)),
        ];
        assert_eq!(results, expect);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_reports_are_read_in_folders() {
        let dir = temp_dir("reports");
        std::fs::write(dir.join("hosts"), "127.0.0.1 localhost\n").unwrap();
        std::fs::write(dir.join("app.conf"), "[server]\nport = 8080\n").unwrap();
        std::fs::write(dir.join("settings.json"), "{\"theme\": \"dark\", \"size\": 3}\n").unwrap();
        std::fs::write(dir.join("page"), "<!doctype html><html><body><p>Lutsk. A protest.</p></body></html>").unwrap();
        std::fs::write(dir.join("post.txt"), "Lutsk.\n\nA protest.").unwrap();
        std::fs::write(dir.join("run.sh"), "#!/bin/sh\necho hi\n").unwrap();
        let results: Vec<(String, Result<usize, ErrorKind>)> = crate::walk(std::slice::from_ref(&dir))
            .map(|(path, result)| (path.file_name().unwrap_or_default().to_string_lossy().to_string(), result.map(|b| b.documents.len()).map_err(|e| e.kind())))
            .collect();
        let expect: Vec<(String, Result<usize, ErrorKind>)> = vec![
            ("app.conf".into(), Err(ErrorKind::Skipped)),
            ("hosts".into(), Err(ErrorKind::Skipped)),
            ("page".into(), Ok(1)),
            ("post.txt".into(), Ok(1)),
            ("run.sh".into(), Err(ErrorKind::Skipped)),
            ("settings.json".into(), Err(ErrorKind::Skipped)),
        ];
        assert_eq!(results, expect);
        // named explicitly, a file is read whatever its name
        let (_, one) = crate::walk(&[dir.join("hosts")]).next().unwrap();
        assert_eq!(one.map(|b| b.documents.len()).ok(), Some(1));
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
