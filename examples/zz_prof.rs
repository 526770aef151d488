use kiosque::corpus::*;
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let d = discover(&[dir.into()], 1 << 30);
    let texts: Vec<String> = d
        .found
        .iter()
        .take(3000)
        .map(|f| decode(&std::fs::read(&f.path).unwrap()).unwrap().text)
        .collect();
    let lines: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.lines().map(str::trim))
        .collect();
    let mb: usize = lines.iter().map(|l| l.len()).sum::<usize>() / 1_000_000;
    println!("{} lines {} MB", lines.len(), mb);
    let b = Boilerplate::default();
    macro_rules! t {
        ($name:expr, $f:expr) => {{
            let t = Instant::now();
            let mut n = 0usize;
            for l in &lines {
                if $f(l) {
                    n += 1;
                }
            }
            println!("{:>20} {:?} hits {}", $name, t.elapsed(), n);
        }};
    }
    t!("normalise", |l: &str| normalise(l).len() > 10);
    t!("is_pattern", |l: &str| b.is_pattern(l));
    t!("is_boilerplate", |l: &str| b.is_boilerplate(l));
    t!("stamp", |l: &str| find_comment_stamp(l).is_some());
    t!("find_date", |l: &str| find_date(l).is_some());
    t!("parse_date", |l: &str| parse_date(l).is_some());
    t!("comments_header", |l: &str| markers::comments_header(l)
        .is_some());
    t!("heading_shape", |l: &str| markers::heading_shape(l));
    t!("source", |l: &str| markers::source_line(l).is_some());
    t!("tags", |l: &str| markers::tags_line(l).is_some());
    t!("reading", |l: &str| markers::reading_time(l).is_some());
    t!("structural", |l: &str| markers::is_structural(l));
    t!("residue", |l: &str| comments::strip_residue(l).1 > 0);
    t!("emoticons", |l: &str| comments::count_emoticons(l) > 0);
    t!("urls", |l: &str| !comments::find_urls(l).is_empty());
}
