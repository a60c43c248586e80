//! `tolltrack aggregate`: the reduce step after extraction ran in pieces.

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::Context;
use tolltrack::export::{self, write_atomic};
use tolltrack::{claims, Figure};

/// Merge partial figure tables (from `tolltrack extract` run on shards, by
/// GNU parallel or Spark) into the outputs one run gives: figures.csv (rows
/// sorted by document and position, so shard order does not matter),
/// series.csv and claims.csv. Claims are recomputed over the whole set.
///
/// Example: tolltrack aggregate 'parts/*.csv' -o merged
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Partial figure tables (.csv, .jsonl, .parquet), files or globs.
    #[arg(required = true, value_name = "PART")]
    pub parts: Vec<String>,

    /// Output directory (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,

    #[command(flatten)]
    pub group: super::GroupArgs,
}

fn expand(parts: &[String]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = BTreeSet::new();
    for p in parts {
        let path = PathBuf::from(p);
        if path.is_file() {
            out.insert(path);
            continue;
        }
        let mut any = false;
        for entry in glob::glob(p)
            .with_context(|| format!("{p}: not a valid glob"))?
            .flatten()
        {
            if entry.is_file() {
                out.insert(entry);
                any = true;
            }
        }
        if !any {
            return Err(tolltrack::Error::NoMatch(p.clone()).into());
        }
    }
    Ok(out.into_iter().collect())
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut figs: Vec<Figure> = Vec::new();
    for part in expand(&args.parts)? {
        figs.extend(export::read(&part).with_context(|| format!("reading {}", part.display()))?);
    }
    // Shards arrive in any order: sort by document and position, the order one run gives within a document.
    figs.sort_by(|a, b| {
        a.doc
            .cmp(&b.doc)
            .then(a.start.cmp(&b.start))
            .then(a.metric.cmp(&b.metric))
            .then(a.value.cmp(&b.value))
    });
    claims::assign(&mut figs);
    let dir = &args.output;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    args.group.write_tables(dir, &figs)?;
    let table = claims::table(&figs);
    write_atomic(&dir.join("claims.csv"), |w| {
        Ok(claims::write_csv(&table, w)?)
    })?;
    eprintln!(
        "tolltrack: merged {} figures into {}",
        figs.len(),
        dir.display()
    );
    Ok(super::exit::OK)
}
