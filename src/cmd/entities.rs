//! `kiosque entities`: entity mentions of a slice, of one document, or of texts on stdin.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use kiosque::analysis::entities::{self, EntityType};
use kiosque::report::entities::{EntitiesOptions, doc_mentions, entities};
use kiosque::report::render::{csv, text};

use super::open_or_build;
use super::terms::{report_error, slice_of};
use crate::cli::{EntitiesArgs, EntityKind};

/// The library type of a command-line type.
pub fn entity_type(k: EntityKind) -> EntityType {
    match k {
        EntityKind::Person => EntityType::Person,
        EntityKind::Organization => EntityType::Organization,
        EntityKind::Location => EntityType::Location,
        EntityKind::Misc => EntityType::Misc,
    }
}

/// Runs `entities`.
pub fn run(index: &Path, args: EntitiesArgs) -> Result<ExitCode> {
    if args.stdin {
        return from_stdin(args.kind_of.map(entity_type));
    }
    let slice = slice_of(&args.slice)?;
    let store = open_or_build(index)?;
    if let Some(id) = &args.doc {
        let mut m = doc_mentions(&store, id).map_err(report_error)?;
        if let Some(k) = args.kind_of {
            m.retain(|x| x.kind == entity_type(k));
        }
        if args.json {
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({ "id": id, "mentions": m }))?
            );
        } else if args.csv {
            print!("{}", csv::doc_mentions(&m)?);
        } else {
            print!("{}", text::doc_mentions(id, &m));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let r = entities(
        &store,
        &EntitiesOptions {
            slice,
            kind: args.kind_of.map(entity_type),
            top: args.top,
            with: args.with.clone(),
        },
    )
    .map_err(report_error)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else if args.csv {
        print!("{}", csv::entities(&r)?);
    } else {
        print!("{}", text::entities(&r));
    }
    Ok(ExitCode::SUCCESS)
}

/// One JSON line of entities per line of standard input.
fn from_stdin(kind: Option<EntityType>) -> Result<ExitCode> {
    let r = entities::builtin();
    let mut out = std::io::stdout().lock();
    let code = super::for_stdin_lines(|n, line| {
        let found: Vec<serde_json::Value> = r
            .detect(line)
            .into_iter()
            .filter(|m| !m.weak && kind.is_none_or(|k| m.kind == k))
            .map(|m| {
                serde_json::json!({
                    "name": m.name,
                    "type": m.kind,
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                })
            })
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::json!({ "line": n, "entities": found })
        )?;
        Ok(())
    })?;
    out.flush()?;
    Ok(code)
}
