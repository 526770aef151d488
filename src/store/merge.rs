//! Segment merging with a bound on what one merge reads.
//!
//! Merging reads every file of the merged segments (mapped in memory), so a merge of the whole
//! index costs as much memory as the index is large. [`BoundedMergePolicy`] only merges
//! segments that together hold at most [`MAX_MERGED_DOCS`] documents: small segments (from
//! incremental runs, or the last batch of a big one) are gathered, large ones are left as they
//! are, and peak memory stays the same whatever the size of the corpus.

use tantivy::index::SegmentMeta;
use tantivy::merge_policy::{MergeCandidate, MergePolicy};

/// Most documents (deleted ones included) in the segments of one merge.
pub const MAX_MERGED_DOCS: u32 = 60_000;

/// Fewest segments worth merging at once.
pub const MIN_MERGED_SEGMENTS: usize = 4;

/// Share of deleted documents (left by re-ingested files) above which a segment is rewritten
/// on its own, if it is not over twice [`MAX_MERGED_DOCS`].
pub const MAX_DELETED_SHARE: f32 = 0.3;

/// Merges small segments in groups of at most [`MAX_MERGED_DOCS`] documents, and rewrites
/// segments holding many deleted documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct BoundedMergePolicy;

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let mut out = Vec::new();
        let mut small: Vec<&SegmentMeta> = Vec::new();
        for s in segments {
            if s.max_doc() < MAX_MERGED_DOCS / 2 {
                small.push(s);
            } else if s.max_doc() <= 2 * MAX_MERGED_DOCS
                && s.num_deleted_docs() as f32 > MAX_DELETED_SHARE * s.max_doc() as f32
            {
                out.push(MergeCandidate(vec![s.id()]));
            }
        }
        small.sort_by_key(|s| s.max_doc());
        let mut group: Vec<&SegmentMeta> = Vec::new();
        let mut docs = 0u32;
        for s in small {
            if docs + s.max_doc() > MAX_MERGED_DOCS {
                if group.len() >= MIN_MERGED_SEGMENTS {
                    out.push(MergeCandidate(group.iter().map(|s| s.id()).collect()));
                }
                group.clear();
                docs = 0;
            }
            docs += s.max_doc();
            group.push(s);
        }
        if group.len() >= MIN_MERGED_SEGMENTS {
            out.push(MergeCandidate(group.iter().map(|s| s.id()).collect()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::Index;
    use tantivy::index::SegmentId;
    use tantivy::schema::Schema;

    fn metas(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = Index::create_in_ram(Schema::builder().build());
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    #[test]
    fn merges_only_small_segments_within_the_bound() {
        let p = BoundedMergePolicy;
        // Three small segments are not worth a merge yet.
        assert!(
            p.compute_merge_candidates(&metas(&[100, 200, 300]))
                .is_empty()
        );
        let segs = metas(&[100, 200, 300, 400, 50_000, 59_000]);
        let c = p.compute_merge_candidates(&segs);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].0.len(), 4);
        // Many mid-size segments: every group stays under the bound.
        let segs = metas(&[20_000; 12]);
        let c = p.compute_merge_candidates(&segs);
        assert!(
            c.is_empty(),
            "groups of 3 × 20,000 are under the minimum of 4 segments"
        );
        let segs = metas(&[10_000; 12]);
        let c = p.compute_merge_candidates(&segs);
        assert_eq!(c.len(), 2);
        assert!(
            c.iter()
                .all(|m| m.0.len() * 10_000 <= MAX_MERGED_DOCS as usize)
        );
    }
}
