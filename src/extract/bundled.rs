//! The gazetteer bundled with the crate. `assets/gazetteer.tsv.gz` is
//! inflated and its table built by build.rs (with the code of [`place`]), so
//! a run loads it by copying arrays: one document end to end no longer waits
//! 17–22 ms for 60,000 names to be hashed.

use std::sync::LazyLock;

use super::place::Gazetteer;

/// The data text: place lines are parsed from it on first use.
pub(crate) static TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));

/// The built table ([`Gazetteer::to_table`]).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.table"));

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::from_table(TABLE, TEXT).expect("build.rs wrote the table from this data")
});

/// The bundled gazetteer, loaded on first use.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table build.rs wrote is the one the data gives, byte for byte.
    #[test]
    fn table_is_the_data_built() {
        let built = Gazetteer::from_tsv(TEXT.to_string()).unwrap();
        assert_eq!(built.to_table(), TABLE);
        assert_eq!(gazetteer().len(), built.len());
        let text = "Shelling in Idleb and al-Hasakah; Kiev and Ayn Issa";
        let places = |g: &Gazetteer| {
            g.mentions(text)
                .iter()
                .map(|m| (m.start, m.end, g.place(m.place).name.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(places(gazetteer()), places(&built));
        assert_eq!(places(&built).len(), 4);
    }

    /// A damaged table is an error, not a panic.
    #[test]
    fn damaged_tables_are_refused() {
        assert!(Gazetteer::from_table(&TABLE[..TABLE.len() / 2], TEXT).is_err());
        assert!(Gazetteer::from_table(b"not a table", TEXT).is_err());
        let mut bad = TABLE.to_vec();
        bad[8] ^= 1; // the text length
        assert!(Gazetteer::from_table(&bad, TEXT).is_err());
    }
}
