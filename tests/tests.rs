//! The one integration-test binary (each file under tests/ would link polars
//! again): end-to-end runs of the `tolltrack` binary.

mod common;
mod conformance;
mod e2e;
mod errors;
mod report;
mod scale;
mod spark;
