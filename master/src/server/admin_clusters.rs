//! Admin handler for `GetClusters`: the child masters enrolled with this one.

use piccolo_proto::{GetClustersRequest, GetClustersResponse};
use tonic::{Request, Response, Status};

use super::{AppState, auth};

/// `GetClusters`.
pub fn get(state: &AppState, request: Request<GetClustersRequest>) -> Result<Response<GetClustersResponse>, Status> {
    auth::reader(&request)?;
    Ok(Response::new(GetClustersResponse { clusters: state.children.list(&state.registry) }))
}
