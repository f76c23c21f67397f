//! The engine's answers on a small hand-made index, where every count and order can be
//! worked out by hand.

mod support;

use support::fixture;
use topic_cards::query::{first_view, Engine, Query, Sort};

fn query(text: &str) -> Query {
    Query {
        text: text.into(),
        limit: 10,
        ..Query::default()
    }
}

fn hits(engine: &mut Engine, q: &Query) -> Vec<u32> {
    engine.run(q).hits
}

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v
}

#[test]
fn browse_lists_everything_newest_first_with_full_counts() {
    let mut engine = Engine::new(fixture());
    let r = engine.run(&query(""));
    assert_eq!(r.total, 6);
    assert_eq!(r.hits, [0, 1, 2, 3, 4, 5]);
    assert_eq!(r.topic_counts, [2, 2, 1, 1, 1]);
    assert_eq!(r.type_counts, [3, 2]);
    assert_eq!(r.brand_counts, [3, 2]);
}

#[test]
fn limit_cuts_hits_not_total() {
    let mut engine = Engine::new(fixture());
    let r = engine.run(&Query {
        limit: 2,
        ..query("")
    });
    assert_eq!((r.total, r.hits), (6, vec![0, 1]));
}

#[test]
fn one_topic_counts_its_own_group_without_its_filter() {
    let mut engine = Engine::new(fixture());
    let r = engine.run(&Query {
        topics: vec![0],
        ..query("")
    });
    assert_eq!(r.hits, [0, 3]);
    // Group 0 is counted as if unfiltered; group 1 within the matches {0, 3}.
    assert_eq!(r.topic_counts, [2, 2, 1, 0, 1]);
    assert_eq!(r.type_counts, [2, 0]);
    assert_eq!(r.brand_counts, [1, 1]);
}

#[test]
fn topics_or_within_a_group_and_across_groups() {
    let mut engine = Engine::new(fixture());
    let or = engine.run(&Query {
        topics: vec![0, 1],
        ..query("")
    });
    assert_eq!(or.hits, [0, 1, 3, 5]);

    let and = engine.run(&Query {
        topics: vec![0, 3],
        ..query("")
    });
    assert_eq!(and.total, 0);
    // Group 0 counted under group 1's filter (Policy: article 1 only) ...
    assert_eq!(&and.topic_counts[..3], &[0, 1, 0]);
    // ... and group 1 under group 0's (Telemedicine: articles 0 and 3).
    assert_eq!(&and.topic_counts[3..], &[0, 1]);
    assert_eq!(and.type_counts, [0, 0]);
}

#[test]
fn type_and_brand_are_groups_of_their_own() {
    let mut engine = Engine::new(fixture());
    let r = engine.run(&Query {
        types: vec![1],
        ..query("")
    });
    assert_eq!(r.hits, [1, 4]);
    assert_eq!(r.type_counts, [3, 2]);
    assert_eq!(r.brand_counts, [1, 1]);
    assert_eq!(r.topic_counts, [0, 1, 0, 1, 0]);

    let r = engine.run(&Query {
        types: vec![1],
        brands: vec![0],
        ..query("")
    });
    assert_eq!(r.hits, [4]);
    assert_eq!(r.type_counts, [2, 1]);
    assert_eq!(r.brand_counts, [1, 1]);
}

#[test]
fn date_range_is_inclusive_accepts_prefixes_and_drops_undated() {
    let mut engine = Engine::new(fixture());
    let range = |from: Option<&str>, to: Option<&str>| Query {
        date_from: from.map(Into::into),
        date_to: to.map(Into::into),
        ..query("")
    };
    assert_eq!(
        hits(&mut engine, &range(Some("2023"), Some("2023"))),
        [2, 3, 4]
    );
    assert_eq!(hits(&mut engine, &range(Some("2024-02"), None)), [0, 1]);
    assert_eq!(hits(&mut engine, &range(None, Some("2023-04"))), [3, 4]);
    assert_eq!(
        hits(&mut engine, &range(Some("2023-04-02"), Some("2023-11-20"))),
        [2, 3]
    );
    // A bound that is not a date is ignored rather than hiding everything.
    assert_eq!(engine.run(&range(Some("soon"), None)).total, 6);
}

#[test]
fn search_ranks_title_above_body() {
    let mut engine = Engine::new(fixture());
    assert!(!engine.search_ready());
    assert_eq!(hits(&mut engine, &query("telehealth")), [0, 3]);
    assert!(engine.search_ready());
}

#[test]
fn authors_are_searchable_below_the_title() {
    let mut index = fixture();
    index.articles[2].authors = vec!["Ngozi Okafor".into(), "Jörg Brandt".into()];
    index.articles[4].authors = vec!["Lena Payers".into()];
    let mut engine = Engine::new(index);
    assert_eq!(hits(&mut engine, &query("okafor")), [2]);
    // Folded like every other field: `jorg` finds `Jörg`.
    assert_eq!(hits(&mut engine, &query("jorg brandt")), [2]);
    // `payers` is a topic label and a title word of article 3: those rank above a byline.
    assert_eq!(hits(&mut engine, &query("payers")), [3, 4]);
}

#[test]
fn last_word_is_a_prefix() {
    let mut engine = Engine::new(fixture());
    assert_eq!(sorted(hits(&mut engine, &query("tele"))), [0, 3]);
    assert_eq!(hits(&mut engine, &query("acc")), [2]);
}

#[test]
fn exact_beats_prefix() {
    let mut engine = Engine::new(fixture());
    let r = hits(&mut engine, &query("data"));
    assert_eq!(sorted(r.clone()), [1, 4, 5]);
    assert_eq!(r[2], 4, "`database` only completes `data`: {r:?}");
}

#[test]
fn one_typo_is_tolerated_in_long_words() {
    let mut engine = Engine::new(fixture());
    assert_eq!(hits(&mut engine, &query("accessibilty")), [2]);
    assert_eq!(sorted(hits(&mut engine, &query("telemedcine"))), [0, 3]);
    assert_eq!(hits(&mut engine, &query("pirvacy")), [1, 5]);
    // Short words must match exactly or as a prefix.
    assert_eq!(engine.run(&query("dta")).total, 0);
}

#[test]
fn case_and_diacritics_fold_both_ways() {
    let mut engine = Engine::new(fixture());
    for q in ["cafe", "CAFÉ", "zurich", "Zürich", "strasse", "STRASSE"] {
        assert_eq!(hits(&mut engine, &query(q)), [4], "{q}");
    }
}

#[test]
fn words_are_anded_then_ored_when_nothing_has_them_all() {
    let mut engine = Engine::new(fixture());
    // Article 5 has `data` in its title and `privacy` only as a topic label.
    assert_eq!(hits(&mut engine, &query("data privacy")), [1, 5]);
    assert_eq!(hits(&mut engine, &query("data rules")), [1]);
    // No article has both; fall back to any word, the best matches first.
    let r = engine.run(&query("privacy xylophone"));
    assert_eq!(sorted(r.hits), [1, 5]);
}

#[test]
fn stop_words_are_ignored_except_as_a_last_prefix() {
    let mut engine = Engine::new(fixture());
    assert_eq!(hits(&mut engine, &query("the accessibility")), [2]);
    // A stop word typed last is still a prefix: `at` completes nothing here but itself
    // (not indexed), `ap` completes `apps`.
    assert_eq!(engine.run(&query("at")).total, 0);
    assert_eq!(engine.run(&query("ap")).hits, [1]);
    // Punctuation only: nothing searchable, so it browses.
    assert_eq!(engine.run(&query("?!")).total, 6);
}

#[test]
fn text_and_filters_combine() {
    let mut engine = Engine::new(fixture());
    let r = engine.run(&Query {
        topics: vec![4],
        ..query("tele")
    });
    assert_eq!(r.hits, [3]);
    // Topic counts of group 1 ignore group 1's filter but keep the text.
    assert_eq!(&r.topic_counts[3..], &[0, 1]);
    assert_eq!(&r.topic_counts[..3], &[1, 0, 0]);
}

#[test]
fn newest_sort_applies_to_text_queries() {
    let mut engine = Engine::new(fixture());
    let r = engine.run(&Query {
        sort: Sort::Newest,
        ..query("telehealth")
    });
    assert_eq!(r.hits, [0, 3]);
    let r = engine.run(&Query {
        sort: Sort::Newest,
        ..query("data")
    });
    assert_eq!(r.hits, [1, 4, 5]);
}

#[test]
fn offerings_rank_by_rank_weighted_references() {
    let mut engine = Engine::new(fixture());
    let r = engine.run(&query(""));
    let panel: Vec<(u32, u32)> = r
        .offerings
        .iter()
        .map(|o| (o.offering, o.articles))
        .collect();
    // Virtual Visit Kit: ranks 0, 2, 3; Consent Hub: 1, 5; Audit Trail: 1.
    assert_eq!(panel, [(1, 3), (0, 2), (2, 1)]);
    let expected = 1.0 + 1.0 / (1.0 + 2.0 / 12.0) + 1.0 / (1.0 + 3.0 / 12.0);
    assert!((r.offerings[0].score - expected).abs() < 1e-5);

    let r = engine.run(&query("consent"));
    let panel: Vec<u32> = r.offerings.iter().map(|o| o.offering).collect();
    assert_eq!(panel, [0, 2]);
}

#[test]
fn topic_by_key_accepts_slug_group_label_and_label() {
    let engine = Engine::new(fixture());
    assert_eq!(
        engine.topic_by_key("healthcare-it-news-telemedicine"),
        Some(0)
    );
    assert_eq!(engine.topic_by_key("Fierce Healthcare: Policy"), Some(3));
    assert_eq!(engine.topic_by_key("  FIERCE HEALTHCARE:payers "), Some(4));
    assert_eq!(engine.topic_by_key(" privacy "), Some(1));
    assert_eq!(engine.topic_by_key("Fierce Healthcare: Privacy"), None);
    assert_eq!(engine.topic_by_key("nope"), None);
    assert_eq!(engine.topic_by_key("  "), None);
}

#[test]
fn first_view_equals_the_browse_query() {
    for index in [fixture(), support::synthetic(500, 7)] {
        let view = first_view(&index);
        let mut engine = Engine::new(index.clone());
        assert_eq!(engine.first_view(), view);
        let r = engine.run(&Query {
            limit: topic_cards::model::FIRST_VIEW_CARDS,
            ..Query::default()
        });
        let ids: Vec<u32> = r.hits.clone();
        let cards: Vec<_> = ids
            .iter()
            .map(|&a| index.articles[a as usize].clone())
            .collect();
        assert_eq!(view.articles, cards);
        assert_eq!(view.total as usize, r.total);
        let panel: Vec<u32> = r.offerings.iter().map(|o| o.offering).collect();
        assert_eq!(view.panel, panel);
        // Every offering a card or the panel names is placed, with its id.
        for a in &view.articles {
            for o in &a.offerings {
                assert!(view.offerings.iter().any(|p| p.at == *o));
            }
        }
        for p in &view.offerings {
            assert_eq!(p.offering, index.offerings[p.at as usize]);
        }
    }
}

#[test]
fn unknown_ids_never_panic() {
    let mut index = fixture();
    index.articles[0].topics.push(99);
    index.articles[0].offerings.push(99);
    index.articles[1].brand = Some(99);
    index.topics[0].group = 99;
    let mut engine = Engine::new(index);
    let r = engine.run(&Query {
        topics: vec![99, 0],
        types: vec![99],
        brands: vec![99],
        ..query("tele")
    });
    assert_eq!(r.total, 0);
    let r = engine.run(&query(""));
    assert_eq!(r.total, 6);
}

#[test]
fn long_pasted_text_is_bounded_and_safe() {
    let mut engine = Engine::new(fixture());
    let pasted = "telehealth ".repeat(5000) + &"\u{301}é'’".repeat(100);
    let r = engine.run(&query(&pasted));
    assert!(r.total <= 6);
    let r = engine.run(&Query {
        limit: usize::MAX,
        ..query("")
    });
    assert_eq!(r.hits.len(), 6);
}

#[test]
fn search_built_in_slices_answers_like_one_build() {
    let index = support::synthetic(300, 9);
    let mut whole = Engine::new(index.clone());
    whole.prepare_search();
    let mut sliced = Engine::new(index);
    let mut calls = 0;
    while !sliced.prepare_search_step(7) {
        calls += 1;
        assert!(!sliced.search_ready());
    }
    assert!(calls >= 300 / 7);
    assert!(sliced.search_ready());
    assert_eq!(sliced.search_size(), whole.search_size());
    for text in ["telehealth", "tele", "data privacy", "accessibilty"] {
        assert_eq!(sliced.run(&query(text)), whole.run(&query(text)), "{text}");
    }
    // A query arriving mid-build finishes the build first.
    let mut early = Engine::new(support::synthetic(50, 9));
    assert!(!early.prepare_search_step(10));
    assert!(early.run(&query("tele")).total > 0);
    assert!(early.search_ready());
}
