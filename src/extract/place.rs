//! PLACEHOLDER until the gazetteer lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Admin1,
    Region,
    City,
}
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub kind: PlaceKind,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub place: usize,
    pub demonym: bool,
}
pub struct Gazetteer {
    places: Vec<Place>,
}
impl Gazetteer {
    pub fn place(&self, i: usize) -> &Place {
        &self.places[i]
    }
    pub fn lookup(&self, _name: &str) -> Option<&Place> {
        None
    }
    pub fn mentions(&self, _text: &str) -> Vec<Mention> {
        Vec::new()
    }
}
static G: std::sync::LazyLock<Gazetteer> =
    std::sync::LazyLock::new(|| Gazetteer { places: Vec::new() });
pub fn gazetteer() -> &'static Gazetteer {
    &G
}
