//! The tantivy schema: one tantivy document per article, per comment, and per source file.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

/// Version of the schema; recorded in the index with the analyzer version.
pub const SCHEMA_VERSION: u32 = 13;

/// `flags` bit: the comment quotes the article's body or headings.
pub const FLAG_QUOTES_BODY: u64 = 1;
/// `flags` bit: the comment quotes the article's whole title.
pub const FLAG_QUOTES_TITLE: u64 = 2;
/// `flags` bit: the comment quotes the article's whole subtitle.
pub const FLAG_QUOTES_SUBTITLE: u64 = 4;
/// `flags` bit: any of the quoting bits.
pub const FLAG_QUOTES: u64 = FLAG_QUOTES_BODY | FLAG_QUOTES_TITLE | FLAG_QUOTES_SUBTITLE;
/// `flags` bit: the comment contains a URL.
pub const FLAG_URL: u64 = 8;
/// `flags` bit: the document has text (a comment without text has none).
pub const FLAG_TEXT: u64 = 16;

/// `kind` value of an article document.
pub const KIND_ARTICLE: &str = "article";
/// `kind` value of a comment document.
pub const KIND_COMMENT: &str = "comment";
/// `kind` value of the marker document recording one ingested source file and its hash.
pub const KIND_FILE: &str = "file";

/// Handles on every field of the kiosque schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The tantivy schema itself.
    pub schema: Schema,
    /// Document id (`001_x`, `001_x#c3`, or the file path for file markers).
    pub id: Field,
    /// `article`, `comment` or `file`.
    pub kind: Field,
    /// The article a document belongs to (an article's own id for articles).
    pub article_id: Field,
    /// Source file, relative to the corpus root it was found under.
    pub file: Field,
    /// Content hash of the source file (file markers only).
    pub file_hash: Field,
    /// The source file's metadata stamp when it was indexed (`corpus::stamp_of`; file markers
    /// only): a re-ingest does not read a file whose stamp is unchanged.
    pub file_stamp: Field,
    /// Publication date (articles) or timestamp (comments).
    pub date: Field,
    /// Languages present, main language first.
    pub lang: Field,
    /// Comment position on its page (comments only).
    pub number: Field,
    /// Title of the article (stored on comments too, for display).
    pub title: Field,
    /// Searchable text as stored: article body or comment text, one passage per line.
    pub text: Field,
    /// Language of each line of `text`, one letter a line (`f`, `e`).
    pub line_langs: Field,
    /// The parsed article (without comments) or comment, as JSON.
    pub json: Field,
    /// Title, subtitle and headings, `main` forms (see `analysis`): matches there weigh more.
    pub title_main: Field,
    /// Each `alt` form of the document's words that differs from their `main` form, as
    /// `alt \u{2} main`: a query word written without its accents finds, through it, the
    /// `main` forms to look up in `forms` and `title_main`.
    pub alt_map: Field,
    /// Every word of the title-like text and the text, stop words included, as
    /// `main \u{2} lowercase surface` (stop words: `\u{3} lowercase word, accents kept, elision removed \u{2} lowercase
    /// surface`),
    /// `\u{2}e` appended for English passages; sentence and line ends are empty positions
    /// (see [`super::document::encode_forms`]). Search looks a query form up as the range of
    /// terms that start with it; term reports read its dictionary and postings.
    pub forms: Field,
    /// Number of positions in `forms`.
    pub positions: Field,
    /// Words in `text` (stop words included).
    pub words: Field,
    /// `FLAG_*` bits.
    pub flags: Field,
    /// Comments: words of the article their longest quote reproduces (0: none).
    pub quote_words: Field,
    /// Comments: emoticons seen.
    pub emoticons: Field,
    /// Comments: minutes from the article's publication to the comment.
    pub delay: Field,
    /// Articles: the comment count the page declared.
    pub declared: Field,
    // Sentiment (`analysis::sentiment`), scored once at ingest; absent on documents
    // ingested with `--no-sentiment`.
    /// Sentiment score in [-1, 1].
    pub sentiment: Field,
    /// Sentiment label (`positive`, `negative`, `neutral`, `mixed`), indexed as one term.
    pub sentiment_label: Field,
    /// The keywords that carried the sentiment, strongest first (at most
    /// `document::MAX_STORED_KEYWORDS`), as a JSON array of `{"word", "weight", "negated",
    /// "intensified", "count"}`; stored, and fast for reports.
    pub sentiment_keywords: Field,
    /// One term per keyword occurrence, `+word` / `-word` by the sign of its contribution
    /// (`~` after the sign when negated; see `analysis::sentiment::keyword_term`), for corpus
    /// keyword counts.
    pub sentiment_terms: Field,
    // Entities (`analysis::entities`), found once at ingest; absent on documents ingested
    // with `--no-entities`.
    /// One term per mention, `[~]letter \u{1F} key \u{1F} text as written` (the text left
    /// out when it is the key; see `store::entities`), all in one value for the replay
    /// tokenizer: counts, aliases and search by entity.
    pub entity: Field,
    /// The names each entity of the page goes by (on its article's document only: only
    /// the dictionary is read), for search by entity without reading the whole `entity`
    /// dictionary: `name \u{1F} key` for each mention's [`key_of`] form and
    /// the key's own, and `\u{1E} last word \u{1F} key` for full person names (see
    /// `store::entities::name_term`).
    ///
    /// [`key_of`]: crate::analysis::entities::key_of
    pub entity_names: Field,
    /// The mentions with offsets and names, as compact stored bytes
    /// (`store::entities::StoredMentions::encode`).
    pub entities: Field,
}

/// Options of an indexed, unstored text field cut by `tokenizer`.
fn indexed(tokenizer: &str, option: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(option),
    )
}

impl Fields {
    /// Builds the schema.
    pub fn new() -> Fields {
        let mut b = Schema::builder();
        let indexed_text = indexed(
            super::replay::REPLAY,
            IndexRecordOption::WithFreqsAndPositions,
        );
        let id = b.add_text_field("id", STRING | STORED);
        let kind = b.add_text_field("kind", STRING | STORED | FAST);
        let article_id = b.add_text_field("article_id", STRING | STORED | FAST);
        let file = b.add_text_field("file", STRING | STORED | FAST);
        let file_hash = b.add_u64_field("file_hash", STORED | FAST);
        let file_stamp = b.add_u64_field("file_stamp", FAST);
        let date = b.add_date_field("date", INDEXED | STORED | FAST);
        let lang = b.add_text_field("lang", STRING | STORED | FAST);
        let number = b.add_u64_field("number", STORED | FAST);
        let title = b.add_text_field("title", STORED | FAST);
        let text = b.add_text_field("text", STORED);
        let line_langs = b.add_text_field("line_langs", STORED);
        let json = b.add_text_field("json", STORED);
        let title_main = b.add_text_field("title_main", indexed_text.clone());
        let alt_map = b.add_text_field(
            "alt_map",
            indexed(super::replay::REPLAY, IndexRecordOption::Basic),
        );
        let forms = b.add_text_field("forms", indexed_text);
        let positions = b.add_u64_field("positions", FAST);
        let words = b.add_u64_field("words", STORED | FAST);
        let flags = b.add_u64_field("flags", STORED | FAST);
        let quote_words = b.add_u64_field("quote_words", STORED | FAST);
        let emoticons = b.add_u64_field("emoticons", FAST);
        let delay = b.add_i64_field("delay", STORED | FAST);
        let declared = b.add_u64_field("declared", FAST);
        // Sentiment.
        let sentiment = b.add_f64_field("sentiment", STORED | FAST);
        let sentiment_label = b.add_text_field("sentiment_label", STRING | STORED | FAST);
        let sentiment_keywords = b.add_text_field("sentiment_keywords", STORED | FAST);
        let sentiment_terms = b.add_text_field(
            "sentiment_terms",
            indexed("raw", IndexRecordOption::WithFreqs),
        );
        // Entities.
        let entity = b.add_text_field(
            "entity",
            indexed(super::replay::REPLAY, IndexRecordOption::WithFreqs),
        );
        let entity_names = b.add_text_field(
            "entity_names",
            indexed(super::replay::REPLAY, IndexRecordOption::Basic),
        );
        let entities = b.add_bytes_field("entities", STORED);
        Fields {
            schema: b.build(),
            id,
            kind,
            article_id,
            file,
            file_hash,
            file_stamp,
            date,
            lang,
            number,
            title,
            text,
            line_langs,
            json,
            title_main,
            alt_map,
            forms,
            positions,
            words,
            flags,
            quote_words,
            emoticons,
            delay,
            declared,
            sentiment,
            sentiment_label,
            sentiment_keywords,
            sentiment_terms,
            entity,
            entity_names,
            entities,
        }
    }

    /// Handles for an existing index's schema; `None` when a field is missing.
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let expected = Fields::new();
        if schema != &expected.schema {
            return None;
        }
        Some(expected)
    }
}

impl Default for Fields {
    fn default() -> Self {
        Fields::new()
    }
}
