//! `kiosque sentiment --stdin`: one JSON line per input line; `--lexicon` overrides.

use assert_cmd::Command;

fn run(args: &[&str], input: &str) -> Vec<serde_json::Value> {
    let out = Command::cargo_bin("kiosque")
        .expect("binary")
        .args(args)
        .write_stdin(input)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

#[test]
fn one_json_line_per_text() {
    let lines = run(
        &["sentiment", "--stdin"],
        "Je n'aime pas ce gouvernement\nUn excellent article, bravo !\n\n",
    );
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["label"], "negative");
    assert_eq!(lines[0]["keywords"][0]["word"], "aime");
    assert_eq!(lines[0]["keywords"][0]["negated"], true);
    assert_eq!(lines[1]["label"], "positive");
    assert_eq!(lines[2]["label"], "neutral");
    assert_eq!(lines[2]["score"], 0.0);
}

#[test]
fn lexicon_file_adds_entries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lex.tsv");
    std::fs::write(&path, "brexit\t-3\n").expect("write");
    let lines = run(
        &[
            "sentiment",
            "--lang",
            "fr",
            "--lexicon",
            path.to_str().expect("path"),
            "Le brexit",
        ],
        "",
    );
    assert_eq!(lines[0]["label"], "negative");
    std::fs::write(&path, "brexit\n").expect("write");
    let out = Command::cargo_bin("kiosque")
        .expect("binary")
        .args(["sentiment", "--lexicon", path.to_str().expect("path"), "x"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lexicon line 1"));
}

#[test]
fn without_input_is_a_usage_error() {
    let out = Command::cargo_bin("kiosque")
        .expect("binary")
        .arg("sentiment")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
