//! The indexer CLI.

fn main() {
    eprintln!("topic-cards: not built yet");
    std::process::exit(2);
}
