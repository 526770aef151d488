use kiosque::corpus::*;
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t = Instant::now();
    let d = discover(&[dir.into()], 1 << 30);
    let texts: Vec<String> = d
        .found
        .iter()
        .map(|f| decode(&std::fs::read(&f.path).unwrap()).unwrap().text)
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    println!("read+decode {:?} {} MB", t.elapsed(), bytes / 1_000_000);
    let t = Instant::now();
    let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
    let set = learn(&refs);
    println!("learn {:?} ({} lines)", t.elapsed(), set.len());
    let b = Boilerplate::with_repeated(set);
    let t = Instant::now();
    let mut n = 0;
    for (f, text) in d.found.iter().zip(&texts) {
        let a = parse_text_page(&f.id, &f.rel, text, &b);
        n += a.comments.len();
    }
    println!("parse {:?} ({} comments) single thread", t.elapsed(), n);
}
