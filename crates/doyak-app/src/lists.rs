//! What the desk's list screens ask for, in the UI's terms: filters as the
//! strings a `<select>` holds, choices with Korean labels from the domain (the
//! front end never hard-codes a label), pages of display rows.

use crate::forms::choice;
use crate::{AppError, Desk, SeekerPage};
use doyak_domain::FieldError;
use doyak_domain::seeker::{SeekerStatus, TargetGroup, Track};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use ts_rs::TS;

/// The largest page a list returns; the desk shows 50 at a time.
pub const MAX_PAGE: u32 = 200;

/// The seeker list's query as the desk sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct SeekerListQuery {
    /// Name or 초성; empty for everyone.
    pub text: String,
    /// A `SeekerStatus` value (`"intake"`…) or nothing for every status.
    pub status: Option<String>,
    /// A `Track` value (`"youth"`…) or nothing for every track.
    pub track: Option<String>,
    /// A `TargetGroup` value (`"career_women"`…) or nothing for everyone.
    pub target_group: Option<String>,
    pub offset: u32,
    pub limit: u32,
}

/// One option of a filter: the value sent back and the Korean label shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The options of the seeker list's filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeekerFilterChoices {
    pub statuses: Vec<Choice>,
    pub tracks: Vec<Choice>,
    pub target_groups: Vec<Choice>,
}

/// Parses a filter value the desk sent; an unknown one names the filter.
fn parse<T: DeserializeOwned>(
    value: Option<&str>,
    field: &str,
    label: &str,
) -> Result<Option<T>, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => serde_json::from_value(serde_json::Value::String(v.to_owned()))
            .map(Some)
            .map_err(|_| {
                AppError::Invalid(vec![FieldError::new(
                    field,
                    label,
                    format!("알 수 없는 값입니다: {v}"),
                )])
            }),
    }
}

impl Desk {
    pub fn seeker_filter_choices(&self) -> SeekerFilterChoices {
        SeekerFilterChoices {
            statuses: SeekerStatus::ALL
                .iter()
                .map(|s| choice(s, s.label_ko()))
                .collect(),
            tracks: Track::ALL.iter().map(|t| choice(t, t.label_ko())).collect(),
            target_groups: TargetGroup::ALL
                .iter()
                .map(|t| choice(t, t.label_ko()))
                .collect(),
        }
    }

    /// A page of the seeker list: name/초성 search with status and track filters.
    pub fn seeker_list(&self, query: &SeekerListQuery) -> Result<SeekerPage, AppError> {
        let filter = doyak_store::SeekerFilter {
            text: Some(query.text.clone()).filter(|t| !t.trim().is_empty()),
            status: parse(query.status.as_deref(), "status", "진행상태")?,
            track: parse(query.track.as_deref(), "track", "참여유형")?,
            target_group: parse(query.target_group.as_deref(), "target_group", "대상 집단")?,
            offset: u64::from(query.offset),
            limit: u64::from(query.limit.clamp(1, MAX_PAGE)),
            ..Default::default()
        };
        self.seeker_rows(&filter)
    }
}
