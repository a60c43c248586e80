//! `tolltrack eval`: extract from inputs and score against gold figures.

use std::path::PathBuf;

use tolltrack::{eval, pipeline};

use super::InputArgs;

/// Score extraction against a gold file (FIGURES.md §7), with the same
/// numbers as shared/spec/score.py: P/R/F1 overall and per metric, then
/// date, kind, where and period_start agreement over the matched figures.
///
/// Example: tolltrack eval --gold fixtures/gold.jsonl fixtures/docs --show 20
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold figures, JSON Lines (doc, metric, value, ... per FIGURES.md §7).
    #[arg(long, value_name = "GOLD")]
    pub gold: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,

    /// Print the scores as JSON (the format of score.py --json).
    #[arg(long)]
    pub json: bool,

    /// List up to N misses, extras and date/kind/where disagreements.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show: usize,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let gold = eval::read_gold(&args.gold)?;
    let (figs, stats) = pipeline::collect(
        &args.input.inputs,
        &args.input.config(),
        args.input.notice(),
    )?;
    let score = eval::score(&gold, &figs);
    if args.json {
        println!("{}", score.to_json());
    } else {
        print!("{}", score.report(args.show));
    }
    eprintln!("tolltrack: {}", stats.summary());
    Ok(super::input_exit(args.input.strict, &stats))
}
