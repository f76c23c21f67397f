//! A deterministic generator of synthetic corpora in the seed format, for benchmarks and
//! scale tests (`topic-cards synth --count N --out DIR --seed S`).
//!
//! The corpus looks like the real feeds the indexer reads: YAML front matter with the
//! seeds' fields (categories with aligned slug/url/label lists, link, featuredImage,
//! relatedOfferings) over an HTML or Markdown body, 2% plain-text files, and 1% odd but
//! valid files (null description, author as a string, stray spaces, CRLF, BOM, ...).
//! Forty topics in four groups and about 300 offerings have Zipf-like popularity, so
//! facet counts have a long tail; dates span 2015-2025.
//!
//! Every article is drawn from its own random stream (seed, article number), so the output
//! is byte-identical for a seed whatever the thread count, and shards are written in
//! parallel.

mod article;
mod catalog;
mod rng;
mod text;
mod vocab;
mod yaml;

use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use catalog::Catalog;

/// Files per shard folder, so no directory grows unwieldy at 100k+ articles.
pub const SHARD_SIZE: usize = 1_000;

/// Writes `count` synthetic articles under `out_dir` (created if missing), in shard folders
/// `000/`, `001/`, ... of [`SHARD_SIZE`] files each. The same `seed` gives the same bytes.
/// Files already in `out_dir` are left alone (overwritten only where names coincide).
pub fn generate(out_dir: &Path, count: usize, seed: u64) -> io::Result<()> {
    generate_sharded(out_dir, count, seed, SHARD_SIZE)
}

/// [`generate`] with a chosen shard size (tests use small ones to stay quick).
fn generate_sharded(out_dir: &Path, count: usize, seed: u64, shard_size: usize) -> io::Result<()> {
    std::fs::create_dir_all(out_dir)?;
    let catalog = Catalog::new(seed, count, vocab::BRANDS.len());
    let shard_size = shard_size.max(1);
    let shards = count.div_ceil(shard_size);
    let next_shard = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map(usize::from)
        .unwrap_or(1)
        .clamp(1, 8)
        .min(shards.max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> io::Result<()> {
                    let mut buffer = String::with_capacity(8 * 1024);
                    loop {
                        let shard = next_shard.fetch_add(1, Ordering::Relaxed);
                        if shard >= shards {
                            return Ok(());
                        }
                        let start = shard * shard_size;
                        let end = (start + shard_size).min(count);
                        let dir = out_dir.join(format!("{shard:03}"));
                        write_shard(&dir, &catalog, seed, start..end, &mut buffer)?;
                    }
                })
            })
            .collect();
        handles.into_iter().try_for_each(|handle| {
            handle
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("a synth worker panicked")))
        })
    })
}

fn write_shard(
    dir: &Path,
    catalog: &Catalog,
    seed: u64,
    articles: std::ops::Range<usize>,
    buffer: &mut String,
) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for index in articles {
        let written = article::write(catalog, seed, index, buffer);
        let name = format!("{index:06}-{}.{}", written.slug, written.extension);
        std::fs::write(dir.join(name), buffer.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    /// Every file under `dir`, by relative path, with its bytes.
    fn read_tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        for entry in walkdir::WalkDir::new(dir) {
            let entry = entry.expect("walk");
            if entry.file_type().is_file() {
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .expect("prefix")
                    .to_path_buf();
                files.insert(rel, std::fs::read(entry.path()).expect("read"));
            }
        }
        files
    }

    /// The front matter of a generated file, or None for a plain-text one.
    fn front_matter(bytes: &[u8]) -> Option<String> {
        let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
        let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        let rest = text.strip_prefix("---\n")?;
        let end = rest.find("\n---\n").expect("closing fence");
        Some(rest[..end].to_string())
    }

    /// Files by name alone, so trees with different shard layouts can be compared.
    fn by_name(tree: BTreeMap<PathBuf, Vec<u8>>) -> BTreeMap<PathBuf, Vec<u8>> {
        tree.into_iter()
            .map(|(path, bytes)| (PathBuf::from(path.file_name().expect("name")), bytes))
            .collect()
    }

    #[test]
    fn same_seed_gives_same_bytes_whatever_the_sharding() {
        let dirs: Vec<_> = (0..4).map(|_| tempfile::tempdir().expect("tmp")).collect();
        generate_sharded(dirs[0].path(), 400, 7, 50).expect("generate");
        generate_sharded(dirs[1].path(), 400, 7, 50).expect("generate");
        generate_sharded(dirs[2].path(), 400, 7, 400).expect("generate");
        generate_sharded(dirs[3].path(), 400, 8, 50).expect("generate");
        let trees: Vec<_> = dirs.iter().map(|d| read_tree(d.path())).collect();
        assert_eq!(trees[0].len(), 400);
        assert!(trees[0] == trees[1], "same seed must give identical trees");
        let (one, other) = (by_name(trees[0].clone()), by_name(trees[2].clone()));
        assert!(
            one == other,
            "shard size and thread count must not change the articles"
        );
        assert!(
            one != by_name(trees[3].clone()),
            "another seed, another corpus"
        );
    }

    #[test]
    fn writes_count_files_in_numbered_shards() {
        let dir = tempfile::tempdir().expect("tmp");
        generate_sharded(dir.path(), 234, 1, 100).expect("generate");
        let tree = read_tree(dir.path());
        let mut per_shard: BTreeMap<String, usize> = BTreeMap::new();
        for (i, path) in tree.keys().enumerate() {
            let shard = path.components().next().expect("shard");
            let shard = shard.as_os_str().to_string_lossy().into_owned();
            *per_shard.entry(shard).or_default() += 1;
            let name = path.file_name().expect("name").to_string_lossy();
            assert!(
                name.starts_with(&format!("{i:06}-")),
                "{name} is not article {i}"
            );
        }
        let counts: Vec<(&str, usize)> = per_shard.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(counts, vec![("000", 100), ("001", 100), ("002", 34)]);
        let empty = tempfile::tempdir().expect("tmp");
        generate(empty.path(), 0, 1).expect("generate none");
        assert!(read_tree(empty.path()).is_empty());
    }

    #[test]
    fn front_matter_parses_lists_align_and_queries_find_things() {
        let dir = tempfile::tempdir().expect("tmp");
        generate(dir.path(), 1_000, 3).expect("generate");
        let tree = read_tree(dir.path());
        let (mut yaml_files, mut plain, mut with_offerings) = (0, 0, 0);
        for (path, bytes) in &tree {
            let Some(yaml) = front_matter(bytes) else {
                assert_eq!(path.extension().and_then(|e| e.to_str()), Some("txt"));
                let text = String::from_utf8_lossy(bytes);
                assert!(text.contains("Filed under: "), "{path:?}");
                plain += 1;
                continue;
            };
            let doc: serde_yaml_ng::Value =
                serde_yaml_ng::from_str(&yaml).unwrap_or_else(|e| panic!("{path:?}: {e}\n{yaml}"));
            yaml_files += 1;
            let title = doc["title"].as_str().expect("title");
            assert!(!title.trim().is_empty(), "{path:?}");
            let len = |key: &str| doc[key].as_sequence().map(Vec::len);
            let cats = len("categories").expect("categories");
            assert!((1..=3).contains(&cats), "{path:?}");
            for key in ["categorySlug", "categoryUrl", "categoryLabel"] {
                assert_eq!(len(key), Some(cats), "{key} in {path:?}");
            }
            let href = doc["link"]["href"].as_str().expect("link.href");
            let brand = doc["link"]["brand"].as_str().expect("brand");
            assert!(
                href.starts_with(&format!("https://{brand}/news/")),
                "{href}"
            );
            assert!(brand.ends_with(".example"));
            if let Some(offerings) = doc["relatedOfferings"].as_sequence() {
                with_offerings += 1;
                assert!((1..=5).contains(&offerings.len()));
                for offering in offerings {
                    assert!(offering["label"].as_str().is_some());
                    assert!(offering["offeringId"].as_u64().is_some());
                    let link = offering["permalink"].as_str().expect("permalink");
                    assert!(link.starts_with("/offering/"));
                }
            }
        }
        assert_eq!(yaml_files + plain, 1_000);
        assert!(
            (5..=40).contains(&plain),
            "about 2% plain text, got {plain}"
        );
        assert!(
            with_offerings > 500,
            "most articles name offerings: {with_offerings}"
        );

        // What the benchmark queries look for, and the odd forms, are all present.
        let all: String = tree
            .values()
            .map(|b| String::from_utf8_lossy(b).to_lowercase())
            .collect();
        for needle in [
            "telehealth",
            "data privacy",
            "accessibility",
            "ophthalmology",
        ] {
            assert!(all.contains(needle), "no {needle:?} in the corpus");
        }
        let dates = all.matches("\ndate: '20").count();
        assert!(dates > 900, "most files are dated: {dates}");
    }

    #[test]
    fn odd_forms_all_occur() {
        // In memory: enough articles for the rarer odd forms without touching the disk.
        let catalog = Catalog::new(5, 5_000, vocab::BRANDS.len());
        let mut raw = String::new();
        let mut buffer = String::new();
        for index in 0..5_000 {
            article::write(&catalog, 5, index, &mut buffer);
            raw.push_str(&buffer);
        }
        let odd_forms = [
            "\ndescription: null",
            "\nauthor: ",
            "\r\n",
            "\u{feff}",
            "- AI\n  - ai\n",
            "Filed under: ",
            "categoryLabel:\n  - '  ",
        ];
        for odd in odd_forms {
            assert!(raw.contains(odd), "no odd form {odd:?} in the corpus");
        }
    }

    /// Timing at scale; run with
    /// `cargo test --release --lib synth::tests::timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn timing() {
        for count in [10_000, 100_000] {
            let dir = tempfile::tempdir().expect("tmp");
            let start = std::time::Instant::now();
            generate(dir.path(), count, 42).expect("generate");
            let elapsed = start.elapsed();
            let bytes: u64 = walkdir::WalkDir::new(dir.path())
                .into_iter()
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum();
            println!(
                "synth {count} articles: {:.2} s, {:.1} MB",
                elapsed.as_secs_f64(),
                bytes as f64 / 1e6
            );
        }
    }
}
