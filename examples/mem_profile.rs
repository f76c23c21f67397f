//! Peak heap of the widget's load path, measured natively with a counting allocator:
//! `cargo run --release --example mem_profile -- path/to/index.json`. Mirrors what the
//! Wasm build holds at once (Wasm memory never shrinks, so the peak is what it keeps).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(now, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn report(step: &str) {
    println!(
        "{step:<28} now {:>9}  peak {:>9}",
        mb(NOW.load(Relaxed)),
        mb(PEAK.load(Relaxed))
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: mem_profile INDEX.json [--stream]");
    let index = if args.next().as_deref() == Some("--stream") {
        // As the widget reads a fetched index: chunk by chunk, never the whole text.
        use std::io::Read;
        let mut file = std::fs::File::open(&path).expect("readable index");
        let mut decoder = topic_cards::index::StreamDecoder::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = file.read(&mut chunk).expect("readable index");
            if n == 0 {
                break;
            }
            decoder.feed(&chunk[..n]);
        }
        let index = decoder
            .finish()
            .expect("an index in the indexer's shape")
            .expect("valid index");
        report("decoded from a stream");
        index
    } else {
        let bytes = std::fs::read(&path).expect("readable index");
        report("bytes read (exact size)");
        let index = topic_cards::index::decode(&bytes).expect("valid index");
        report("decoded");
        drop(bytes);
        report("bytes dropped");
        index
    };
    let mut engine = topic_cards::query::Engine::new(index);
    report("engine");
    let started = std::time::Instant::now();
    engine.prepare_search();
    report("search prepared");
    println!(
        "search build took {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let _ = engine.run(&topic_cards::query::Query {
        text: "telehealth".into(),
        limit: 12,
        ..Default::default()
    });
    report("one query");
}
