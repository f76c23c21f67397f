//! Native decode time of an index, the widget's reader against serde_json (the reader it
//! replaced, kept as `index::oracle`), interleaved in one run so machine noise hits both:
//! `cargo run --release --example decode_time -- path/to/index.json [rounds] [only]`.
//! Also times the stream decoder (fed 64 KiB chunks, as a download arrives). With `only`
//! (`reader`, `serde_json` or `stream`) it times just that one, so that several processes
//! run in turn can compare them without sharing an allocator.

use std::time::{Duration, Instant};

use topic_cards::index::{decode, oracle, StreamDecoder};

/// The median time, as text (`-` when that reader was not run).
fn median(mut times: Vec<Duration>) -> String {
    times.sort();
    times
        .get(times.len() / 2)
        .map_or("-".into(), |d| format!("{:.1} ms", d.as_secs_f64() * 1e3))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: decode_time INDEX.json [rounds]");
    let rounds: usize = args.next().map_or(7, |n| n.parse().expect("rounds"));
    let only = args.next();
    let json = std::fs::read(&path).expect("readable index");
    let (mut ours, mut serde, mut streamed) = (Vec::new(), Vec::new(), Vec::new());
    // The first index read back is the reference the others are compared with; each result
    // is dropped before the next read, and the readers take turns going first, so neither
    // pays for the other's frees.
    let reference = decode(&json).expect("the reader reads it");
    for round in 0..rounds {
        for turn in 0..3 {
            let which = (round + turn) % 3;
            if only
                .as_deref()
                .is_some_and(|o| o != ["reader", "serde_json", "stream"][which])
            {
                continue;
            }
            let start = Instant::now();
            let index = match which {
                0 => decode(&json).expect("the reader reads it"),
                1 => oracle::decode(&json).expect("serde_json reads it"),
                _ => {
                    let mut decoder = StreamDecoder::new();
                    for chunk in json.chunks(64 * 1024) {
                        decoder.feed(chunk);
                    }
                    decoder
                        .finish()
                        .expect("the indexer's shape")
                        .expect("valid")
                }
            };
            let took = start.elapsed();
            assert!(index == reference, "the readers disagree on {path}");
            drop(index);
            [&mut ours, &mut serde, &mut streamed][which].push(took);
        }
    }
    println!(
        "{path}: {} MB, {rounds} rounds, median decode: reader {}, serde_json {}; stream decoder {}",
        json.len() / 1_000_000,
        median(ours),
        median(serde),
        median(streamed)
    );
}
