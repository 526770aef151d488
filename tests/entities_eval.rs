//! Entity detection against the hand-annotated sets in `tests/fixtures/entities/`: precision,
//! recall and F1 per type (exact span and type), and how often a short form, acronym or
//! other-language form gets its entity's canonical name. Run with `--nocapture` for the table:
//! `cargo test --test entities_eval -- --nocapture`.

use std::collections::BTreeMap;
use std::path::Path;

use kiosque::analysis::entities::{EntityType, Mention, builtin, key_of};

/// One annotated mention.
#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    kind: EntityType,
    canonical: Option<String>,
}

/// One annotated document.
#[derive(Debug, Clone)]
struct Doc {
    /// `# id:` when given (seed documents).
    id: Option<String>,
    /// `# kind: comment`.
    comment: bool,
    /// `# topic:` or `# thread:`, the story the document belongs to.
    topic: Option<String>,
    text: String,
    gold: Vec<Gold>,
}

/// Parses an annotated set; panics with the line on malformed markup.
fn parse(path: &Path) -> Vec<Doc> {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut docs = Vec::new();
    for block in raw.split("\n---\n") {
        let mut id = None;
        let mut comment = false;
        let mut topic = None;
        let mut body = Vec::new();
        let mut header = true;
        for line in block.lines() {
            if header && line.starts_with('#') {
                if let Some(v) = line.strip_prefix("# id:") {
                    id = Some(v.trim().to_string());
                } else if let Some(v) = line.strip_prefix("# kind:") {
                    comment = v.trim() == "comment";
                } else if let Some(v) = line
                    .strip_prefix("# topic:")
                    .or_else(|| line.strip_prefix("# thread:"))
                {
                    topic = Some(v.trim().to_string());
                }
                continue;
            }
            header = false;
            body.push(line);
        }
        let marked = body.join("\n");
        let marked = marked.trim_end_matches('\n');
        if marked.trim().is_empty() {
            continue;
        }
        let mut text = String::new();
        let mut gold = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find("[[") {
            text.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let close = after
                .find("]]")
                .unwrap_or_else(|| panic!("{}: unclosed [[ in {after:.40}", path.display()));
            let inner = &after[..close];
            let mut f = inner.split('|');
            let surface = f.next().unwrap_or("");
            let kind = match f.next() {
                Some("PER") => EntityType::Person,
                Some("ORG") => EntityType::Organization,
                Some("LOC") => EntityType::Location,
                Some("MISC") => EntityType::Misc,
                other => panic!("{}: bad type {other:?} in [[{inner}]]", path.display()),
            };
            let canonical = f.next().map(str::to_string);
            let start = text.len();
            text.push_str(surface);
            gold.push(Gold {
                start,
                end: text.len(),
                kind,
                canonical,
            });
            rest = &after[close + 2..];
        }
        text.push_str(rest);
        docs.push(Doc {
            id,
            comment,
            topic,
            text,
            gold,
        });
    }
    docs
}

/// True positives, predictions and gold mentions per type.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / self.predicted.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Scores of one set.
#[derive(Debug, Default)]
struct Score {
    by_type: BTreeMap<EntityType, Counts>,
    /// Gold mentions with a canonical name given that were found, and how many of them got it.
    alias_found: usize,
    alias_right: usize,
    /// Where the errors are (see [`Errors`]).
    errors: Errors,
}

/// The errors of a set by kind: each wrong mention found and each gold mention missed falls in
/// exactly one.
#[derive(Debug, Default, Clone, Copy)]
struct Errors {
    /// Found with the gold span, but another type (one false positive and one miss).
    wrong_type: usize,
    /// Found overlapping a gold mention without its exact span (a false positive; the gold
    /// mention it overlaps counts as a miss only when nothing found has its span).
    wrong_span: usize,
    /// Found where no gold mention is, not even overlapping.
    spurious: usize,
    /// Gold mentions that nothing found overlaps.
    missed: usize,
    /// Gold mentions overlapped by something found, but not with their span and type.
    missed_overlapped: usize,
    /// Wrong types, by (gold type, type found).
    confusions: [[usize; 4]; 4],
    /// Wrong spans: found longer than the gold span, shorter, or neither (shifted).
    longer: usize,
    shorter: usize,
}

impl Score {
    fn all(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.by_type.values() {
            c.add(*v);
        }
        c
    }
}

/// Scores `docs` page by page, as ingest analyses them: a page is an article with the comments
/// that follow it on the same story (`# topic:` or `# thread:`), or a run of comments on one
/// thread, or the documents sharing an id before `#` (seed pages). With `alone`, every document
/// is a page of its own. `pick` selects the documents scored (all of a page are still analysed
/// together).
/// The sets scored on every change but whose errors are never listed nor learnt from: the
/// honest measure.
fn never_read(file: &str) -> bool {
    file.starts_with("fresh") || file.starts_with("blind36") || file.starts_with("blind37")
}

fn score(
    docs: &[Doc],
    alone: bool,
    pick: impl Fn(usize) -> bool,
    errors: &mut Vec<String>,
) -> Score {
    let mut s = Score::default();
    let page_of = |d: &Doc| {
        d.id.as_ref()
            .map(|i| i.split('#').next().unwrap_or("").to_string())
    };
    let same_page = |a: &Doc, b: &Doc| match (page_of(a), page_of(b)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => b.comment && a.topic.is_some() && a.topic == b.topic,
        _ => false,
    };
    let mut i = 0;
    while i < docs.len() {
        let mut j = i + 1;
        while !alone && j < docs.len() && same_page(&docs[j - 1], &docs[j]) {
            j += 1;
        }
        let texts: Vec<&str> = docs[i..j].iter().map(|d| d.text.as_str()).collect();
        // The article (if the page starts with one) is the newsroom's text.
        let edited = docs[i..j].iter().take_while(|d| !d.comment).count();
        let found = builtin().detect_article_page(&texts, edited);
        for (k, (doc, mentions)) in docs[i..j].iter().zip(found).enumerate() {
            if !pick(i + k) {
                continue;
            }
            let mentions: Vec<Mention> = mentions.into_iter().filter(|m| !m.weak).collect();
            for g in &doc.gold {
                s.by_type.entry(g.kind).or_default().gold += 1;
            }
            for m in &mentions {
                s.by_type.entry(m.kind).or_default().predicted += 1;
                let hit = doc
                    .gold
                    .iter()
                    .find(|g| g.start == m.start && g.end == m.end && g.kind == m.kind);
                match hit {
                    Some(g) => {
                        s.by_type.entry(m.kind).or_default().tp += 1;
                        if let Some(c) = &g.canonical {
                            s.alias_found += 1;
                            if key_of(c) == key_of(&m.name) || key_of(c) == key_of(&m.key) {
                                s.alias_right += 1;
                            } else {
                                errors.push(format!(
                                    "alias {:?} -> {:?}, want {c:?}",
                                    m.text, m.name
                                ));
                            }
                        }
                    }
                    None => {
                        let overlaps = |g: &&Gold| g.start < m.end && m.start < g.end;
                        if let Some(g) = doc
                            .gold
                            .iter()
                            .find(|g| g.start == m.start && g.end == m.end)
                        {
                            s.errors.wrong_type += 1;
                            s.errors.confusions[g.kind.index()][m.kind.index()] += 1;
                            errors.push(format!(
                                "type {} for {} {:?} ({})",
                                m.kind.as_str(),
                                g.kind.as_str(),
                                m.text,
                                context(&doc.text, m.start, m.end)
                            ));
                        } else if let Some(g) = doc.gold.iter().find(|g| overlaps(g)) {
                            s.errors.wrong_span += 1;
                            if m.start <= g.start && m.end >= g.end {
                                s.errors.longer += 1;
                            } else if m.start >= g.start && m.end <= g.end {
                                s.errors.shorter += 1;
                            }
                            errors.push(format!(
                                "span {} {:?} for {} {:?}",
                                m.kind.as_str(),
                                m.text,
                                g.kind.as_str(),
                                &doc.text[g.start..g.end]
                            ));
                        } else {
                            s.errors.spurious += 1;
                        }
                        errors.push(format!(
                            "false {} {:?} ({})",
                            m.kind.as_str(),
                            m.text,
                            context(&doc.text, m.start, m.end)
                        ))
                    }
                }
            }
            for g in &doc.gold {
                if !mentions
                    .iter()
                    .any(|m| m.start == g.start && m.end == g.end && m.kind == g.kind)
                {
                    // "missed": nothing found overlaps it; "missed span": something found
                    // overlaps it; "missed type": found with its span and another type.
                    let how = if mentions
                        .iter()
                        .any(|m| m.start == g.start && m.end == g.end)
                    {
                        "missed type"
                    } else if mentions.iter().any(|m| g.start < m.end && m.start < g.end) {
                        s.errors.missed_overlapped += 1;
                        "missed span"
                    } else {
                        s.errors.missed += 1;
                        "missed"
                    };
                    errors.push(format!(
                        "{how} {} {:?} ({})",
                        g.kind.as_str(),
                        &doc.text[g.start..g.end],
                        context(&doc.text, g.start, g.end)
                    ));
                }
            }
        }
        i = j;
    }
    s
}

/// A few words around a span.
fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(30);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 30).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!(
        "…{}[{}]{}…",
        &text[a..start],
        &text[start..end],
        &text[end..b]
    )
    .replace('\n', " ")
}

/// One table row.
fn row(name: &str, s: &Score) -> String {
    let mut out = format!("| {name} |");
    for t in EntityType::ALL {
        let c = s.by_type.get(&t).copied().unwrap_or_default();
        let (p, r, f) = c.prf();
        out.push_str(&format!(
            " {:.2} / {:.2} / **{:.2}** ({}) |",
            p, r, f, c.gold
        ));
    }
    let (p, r, f) = s.all().prf();
    out.push_str(&format!(
        " {:.2} / {:.2} / **{:.2}** ({}) | {}/{} |",
        p,
        r,
        f,
        s.all().gold,
        s.alias_right,
        s.alias_found
    ));
    out
}

#[test]
fn entity_detection_scores() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities");
    let mut table = vec![
        "| set | person P / R / F1 (n) | organization | location | misc | all | canonical names |"
            .to_string(),
        "|---|---|---|---|---|---|---|".to_string(),
    ];
    let mut errors = Vec::new();
    let mut totals = Vec::new();
    for (file, name) in [
        ("news-fr.txt", "French news and comments"),
        ("news-en.txt", "English news and comments"),
        ("seeds.txt", "the two seed pages"),
        ("heldout-fr.txt", "French, held-out set"),
        ("heldout-en.txt", "English, held-out set"),
        ("unseen-fr.txt", "French, unseen set"),
        ("unseen-en.txt", "English, unseen set"),
        ("dev2-fr.txt", "French, second development set"),
        ("dev2-en.txt", "English, second development set"),
        ("blind3-fr.txt", "French, third blind set"),
        ("blind3-en.txt", "English, third blind set"),
        ("blind4-fr.txt", "French, fourth blind set"),
        ("blind4-en.txt", "English, fourth blind set"),
        ("blind5-fr.txt", "French, fifth blind set"),
        ("blind5-en.txt", "English, fifth blind set"),
        ("blind6-fr.txt", "French, sixth blind set"),
        ("blind6-en.txt", "English, sixth blind set"),
        ("blind7-fr.txt", "French, seventh blind set"),
        ("blind7-en.txt", "English, seventh blind set"),
        ("blind8-fr.txt", "French, eighth blind set"),
        ("blind8-en.txt", "English, eighth blind set"),
        ("blind9-fr.txt", "French, ninth blind set"),
        ("blind9-en.txt", "English, ninth blind set"),
        ("blind10-fr.txt", "French, tenth blind set"),
        ("blind10-en.txt", "English, tenth blind set"),
        ("blind11-fr.txt", "French, eleventh blind set"),
        ("blind11-en.txt", "English, eleventh blind set"),
        ("blind12-fr.txt", "French, twelfth blind set"),
        ("blind12-en.txt", "English, twelfth blind set"),
        ("blind13-fr.txt", "French, thirteenth blind set"),
        ("blind13-en.txt", "English, thirteenth blind set"),
        ("blind14-fr.txt", "French, fourteenth blind set"),
        ("blind14-en.txt", "English, fourteenth blind set"),
        ("blind15-fr.txt", "French, fifteenth blind set"),
        ("blind15-en.txt", "English, fifteenth blind set"),
        ("blind16-fr.txt", "French, sixteenth blind set"),
        ("blind16-en.txt", "English, sixteenth blind set"),
        ("blind17-fr.txt", "French, seventeenth blind set"),
        ("blind17-en.txt", "English, seventeenth blind set"),
        ("blind18-fr.txt", "French, eighteenth blind set"),
        ("blind18-en.txt", "English, eighteenth blind set"),
        ("blind19-fr.txt", "French, nineteenth blind set"),
        ("blind19-en.txt", "English, nineteenth blind set"),
        ("blind20-fr.txt", "French, twentieth blind set"),
        ("blind20-en.txt", "English, twentieth blind set"),
        ("blind21-fr.txt", "French, twenty-first blind set"),
        ("blind21-en.txt", "English, twenty-first blind set"),
        ("blind22-fr.txt", "French, twenty-second blind set"),
        ("blind22-en.txt", "English, twenty-second blind set"),
        ("blind23-fr.txt", "French, twenty-third blind set"),
        ("blind23-en.txt", "English, twenty-third blind set"),
        ("blind24-fr.txt", "French, twenty-fourth blind set"),
        ("blind24-en.txt", "English, twenty-fourth blind set"),
        ("blind25-fr.txt", "French, twenty-fifth blind set"),
        ("blind25-en.txt", "English, twenty-fifth blind set"),
        ("blind26-fr.txt", "French, twenty-sixth blind set"),
        ("blind26-en.txt", "English, twenty-sixth blind set"),
        ("blind27-fr.txt", "French, twenty-seventh blind set"),
        ("blind27-en.txt", "English, twenty-seventh blind set"),
        ("blind28-fr.txt", "French, twenty-eighth blind set"),
        ("blind28-en.txt", "English, twenty-eighth blind set"),
        ("blind29-fr.txt", "French, twenty-ninth blind set"),
        ("blind29-en.txt", "English, twenty-ninth blind set"),
        ("blind30-fr.txt", "French, thirtieth blind set"),
        ("blind30-en.txt", "English, thirtieth blind set"),
        ("blind31-fr.txt", "French, thirty-first blind set"),
        ("blind31-en.txt", "English, thirty-first blind set"),
        ("blind32-fr.txt", "French, thirty-second blind set"),
        ("blind32-en.txt", "English, thirty-second blind set"),
        ("blind33-fr.txt", "French, thirty-third blind set"),
        ("blind33-en.txt", "English, thirty-third blind set"),
        ("blind34-fr.txt", "French, thirty-fourth blind set"),
        ("blind34-en.txt", "English, thirty-fourth blind set"),
        ("blind35-fr.txt", "French, thirty-fifth blind set"),
        ("blind35-en.txt", "English, thirty-fifth blind set"),
        ("blind36-fr.txt", "French, thirty-sixth blind set"),
        ("blind36-en.txt", "English, thirty-sixth blind set"),
        ("blind37-fr.txt", "French, thirty-seventh blind set"),
        ("blind37-en.txt", "English, thirty-seventh blind set"),
        ("fresh-fr.txt", "French, fresh set"),
        ("fresh-en.txt", "English, fresh set"),
    ] {
        let path = dir.join(file);
        if !path.exists() {
            continue;
        }
        let docs = parse(&path);
        let mut errs = Vec::new();
        let s = score(&docs, false, |_| true, &mut errs);
        table.push(row(name, &s));
        if file.starts_with("fresh") {
            // The same documents, each analysed without its page.
            let alone = score(&docs, true, |_| true, &mut Vec::new());
            table.push(row(&format!("{name}, each document alone"), &alone));
        }
        // The held-out and unseen sets were written after the rules and scored blind at first;
        // they are now development data too (their errors are listed below). The fresh sets,
        // written later and never looked into while rules are written, give the honest measure:
        // no halves, no errors. The halves of the first sets keep their rows: their odd
        // documents were only scored while the first rules were written.
        // blind36 and blind37 are kept like the fresh sets: scored, their errors never listed.
        let fresh = never_read(file);
        let unseen = file.starts_with("unseen")
            || file.starts_with("dev2")
            || file.starts_with("blind3")
            || file.starts_with("blind4")
            || file.starts_with("blind5")
            || file.starts_with("blind6")
            || file.starts_with("blind7")
            || file.starts_with("blind8")
            || file.starts_with("blind9")
            || file.starts_with("blind10")
            || file.starts_with("blind11")
            || file.starts_with("blind12")
            || file.starts_with("blind13")
            || file.starts_with("blind14")
            || file.starts_with("blind15")
            || file.starts_with("blind16")
            || file.starts_with("blind17")
            || file.starts_with("blind18")
            || file.starts_with("blind19")
            || file.starts_with("blind20")
            || file.starts_with("blind21")
            || file.starts_with("blind22")
            || file.starts_with("blind23")
            || file.starts_with("blind24")
            || file.starts_with("blind25")
            || file.starts_with("blind26")
            || file.starts_with("blind27")
            || file.starts_with("blind28")
            || file.starts_with("blind29")
            || file.starts_with("blind30")
            || file.starts_with("blind31")
            || file.starts_with("blind32")
            || file.starts_with("blind33")
            || file.starts_with("blind34")
            || file.starts_with("blind35")
            || file.starts_with("blind36")
            || file.starts_with("blind37")
            || fresh;
        if file != "seeds.txt" && !unseen {
            let held_out = score(&docs, false, |i| i % 2 == 1, &mut errs);
            table.push(row(&format!("{name}, held-out half"), &held_out));
            let dev = score(&docs, false, |i| i % 2 == 0, &mut errs);
            table.push(row(&format!("{name}, development half"), &dev));
        }
        // `KIOSQUE_EVAL_ERRORS=<file prefix>` lists the errors of every document of the
        // matching sets (all but the fresh ones are development data).
        if !fresh
            && std::env::var("KIOSQUE_EVAL_ERRORS").is_ok_and(|v| file.starts_with(v.as_str()))
        {
            errors.push(format!("== {file}"));
            score(&docs, false, |_| true, &mut errors);
        }
        totals.push((file, s.all().prf().2, s));
    }
    println!("{}", table.join("\n"));
    // Where the errors are, set by set.
    println!();
    println!(
        "| set | found, wrong type | found, wrong span (longer / shorter) | found, nothing there | gold, span missed | gold, not found at all | wrong types, gold > found |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (file, _, s) in &totals {
        let e = s.errors;
        let mut conf = Vec::new();
        for g in EntityType::ALL {
            for f in EntityType::ALL {
                let n = e.confusions[g.index()][f.index()];
                if n > 0 {
                    conf.push(format!("{}>{} {n}", g.as_str(), f.as_str()));
                }
            }
        }
        println!(
            "| {file} | {} | {} ({} / {}) | {} | {} | {} | {} |",
            e.wrong_type,
            e.wrong_span,
            e.longer,
            e.shorter,
            e.spurious,
            e.missed_overlapped,
            e.missed,
            conf.join(", ")
        );
    }
    // Overall F1 of each set with three decimals, to compare runs.
    for (file, f1, _) in &totals {
        println!("{file}\t{f1:.3}");
    }
    if std::env::var_os("KIOSQUE_EVAL_ERRORS").is_some() {
        for e in &errors {
            println!("{e}");
        }
    }
    for (file, f1, _) in &totals {
        // Regression floors, a little under the figures the README reports.
        let floor = match *file {
            "news-fr.txt" => 0.88,
            "news-en.txt" => 0.90,
            "heldout-fr.txt" => 0.80,
            "heldout-en.txt" => 0.78,
            "unseen-fr.txt" => 0.87,
            "unseen-en.txt" => 0.88,
            "dev2-fr.txt" => 0.81,
            "dev2-en.txt" => 0.85,
            "blind3-fr.txt" => 0.80,
            "blind3-en.txt" => 0.80,
            "blind4-fr.txt" => 0.78,
            "blind4-en.txt" => 0.75,
            "blind5-fr.txt" => 0.75,
            "blind5-en.txt" => 0.84,
            "blind6-fr.txt" => 0.87,
            "blind6-en.txt" => 0.86,
            "blind7-fr.txt" => 0.80,
            "blind7-en.txt" => 0.80,
            "blind8-fr.txt" => 0.80,
            "blind8-en.txt" => 0.82,
            "blind9-fr.txt" => 0.78,
            "blind9-en.txt" => 0.76,
            "blind10-fr.txt" => 0.69,
            "blind10-en.txt" => 0.69,
            "blind11-fr.txt" => 0.77,
            "blind11-en.txt" => 0.71,
            "blind12-fr.txt" => 0.79,
            "blind12-en.txt" => 0.72,
            "blind13-fr.txt" => 0.72,
            "blind13-en.txt" => 0.72,
            "blind14-fr.txt" => 0.77,
            "blind14-en.txt" => 0.70,
            "blind15-fr.txt" => 0.71,
            "blind15-en.txt" => 0.66,
            "blind16-fr.txt" => 0.68,
            "blind16-en.txt" => 0.66,
            "blind17-fr.txt" => 0.70,
            "blind17-en.txt" => 0.66,
            "blind18-fr.txt" => 0.72,
            "blind18-en.txt" => 0.74,
            "blind19-fr.txt" => 0.74,
            "blind19-en.txt" => 0.71,
            "blind20-fr.txt" => 0.69,
            "blind20-en.txt" => 0.65,
            "blind21-fr.txt" => 0.68,
            "blind21-en.txt" => 0.72,
            "blind22-fr.txt" => 0.76,
            "blind22-en.txt" => 0.69,
            "blind23-fr.txt" => 0.70,
            "blind23-en.txt" => 0.74,
            "blind24-fr.txt" => 0.72,
            "blind24-en.txt" => 0.70,
            "blind25-fr.txt" => 0.76,
            "blind25-en.txt" => 0.77,
            "blind26-fr.txt" => 0.70,
            "blind26-en.txt" => 0.72,
            "blind27-fr.txt" => 0.70,
            "blind27-en.txt" => 0.68,
            "blind28-fr.txt" => 0.72,
            "blind28-en.txt" => 0.68,
            "blind29-fr.txt" => 0.78,
            "blind29-en.txt" => 0.73,
            "blind30-fr.txt" => 0.72,
            "blind30-en.txt" => 0.67,
            "blind31-fr.txt" => 0.78,
            "blind31-en.txt" => 0.78,
            "blind32-fr.txt" => 0.72,
            "blind32-en.txt" => 0.75,
            "blind33-fr.txt" => 0.69,
            "blind33-en.txt" => 0.74,
            "blind34-fr.txt" => 0.75,
            "blind34-en.txt" => 0.69,
            "blind35-fr.txt" => 0.69,
            "blind35-en.txt" => 0.72,
            "blind36-fr.txt" => 0.75,
            "blind36-en.txt" => 0.74,
            "blind37-fr.txt" => 0.75,
            "blind37-en.txt" => 0.75,
            "fresh-fr.txt" => 0.76,
            "fresh-en.txt" => 0.70,
            _ => 0.95,
        };
        assert!(*f1 >= floor, "{file}: F1 {f1:.3} fell under {floor}");
    }
}
