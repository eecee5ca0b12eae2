//! A learning record store (xAPI 1.0.3): where it is and how to reach it, sending a session's
//! statements from a durable outbox beside its record, syncing a whole results folder, and
//! reading the course's statements back to rebuild a cohort. The app and the command line only
//! call these; no prose is made here (errors are typed).

pub mod client;
pub mod cmi5;
pub mod config;
pub mod courier;
pub mod launch;
pub mod outbox;
pub mod sender;
pub mod sync;

#[cfg(not(target_arch = "wasm32"))]
pub use client::HttpLrs;
pub use client::{Lrs, LrsError, Page, Query};
pub use config::{Endpoint, EndpointError, LrsSettings};
pub use outbox::{Delivery, DeliveryError};
pub use sender::{Sender, SenderStatus};
pub use sync::{SyncProgress, SyncSummary, fetch_course, sync_folder};
