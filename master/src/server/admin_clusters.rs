//! Admin handler for `GetClusters`: the child masters enrolled with this one.

use piccolo_proto::{GetClustersRequest, GetClustersResponse};
use tonic::{Request, Response, Status};

use super::auth;
use crate::children::Children;
use crate::registry::Registry;

/// `GetClusters`.
pub fn get(
    children: &Children,
    registry: &Registry,
    request: Request<GetClustersRequest>,
) -> Result<Response<GetClustersResponse>, Status> {
    auth::reader(&request)?;
    Ok(Response::new(GetClustersResponse { clusters: children.list(registry) }))
}
