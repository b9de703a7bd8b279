//! Message size limits. Both master and agent set them explicitly on every
//! codec so an oversized message is refused before it is buffered.

/// Largest message an agent may send to the master (a status report with
/// container lists stays far below this).
pub const MAX_AGENT_MESSAGE_BYTES: usize = 256 * 1024;

/// Largest message the master sends to an agent or an admin client (a full
/// node list for a large fleet can be big; admin clients raise it if needed).
pub const MAX_MASTER_MESSAGE_BYTES: usize = 16 * 1024 * 1024;

/// Largest admin request (topology documents, config).
pub const MAX_ADMIN_REQUEST_BYTES: usize = 1024 * 1024;
