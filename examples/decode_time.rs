//! Native decode time of an index, the widget's reader against serde_json (the reader it
//! replaced, kept as `index::oracle`), interleaved in one run so machine noise hits both:
//! `cargo run --release --example decode_time -- path/to/index.json [rounds]`.
//! Also times the stream decoder (fed 64 KiB chunks, as a download arrives).

use std::time::{Duration, Instant};

use topic_cards::index::{decode, oracle, StreamDecoder};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: decode_time INDEX.json [rounds]");
    let rounds: usize = args.next().map_or(7, |n| n.parse().expect("rounds"));
    let json = std::fs::read(&path).expect("readable index");
    let (mut ours, mut serde, mut streamed) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let start = Instant::now();
        let a = decode(&json).expect("the reader reads it");
        ours.push(start.elapsed());

        let start = Instant::now();
        let b = oracle::decode(&json).expect("serde_json reads it");
        serde.push(start.elapsed());

        let start = Instant::now();
        let mut decoder = StreamDecoder::new();
        for chunk in json.chunks(64 * 1024) {
            decoder.feed(chunk);
        }
        let c = decoder
            .finish()
            .expect("the indexer's shape")
            .expect("valid");
        streamed.push(start.elapsed());

        assert!(a == b && a == c, "the readers disagree on {path}");
        println!(
            "round: reader {}  serde_json {}  stream {}",
            ms(ours[ours.len() - 1]),
            ms(serde[serde.len() - 1]),
            ms(streamed[streamed.len() - 1])
        );
    }
    println!(
        "{path}: {} MB, {rounds} rounds, median decode: reader {}, serde_json {}; stream decoder {}",
        json.len() / 1_000_000,
        ms(median(ours)),
        ms(median(serde)),
        ms(median(streamed))
    );
}
