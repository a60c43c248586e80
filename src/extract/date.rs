//! PLACEHOLDER until the date grammar lands.
use chrono::NaiveDate;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    #[default]
    Unambiguous,
    Mdy,
    Dmy,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Day,
    Period,
    Since,
    Span,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub role: Role,
}
pub fn dates(_text: &str, _reference: NaiveDate, _order: DateOrder) -> Vec<DateMatch> {
    Vec::new()
}
pub fn resolve(
    _text: &str,
    _reference: NaiveDate,
    _order: DateOrder,
) -> Option<(NaiveDate, NaiveDate)> {
    None
}
pub fn infer_published(_text: &str, _url: Option<&str>) -> Option<NaiveDate> {
    None
}
