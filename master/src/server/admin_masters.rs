//! Admin handler for `GetMasters`: the masters sharing this cluster's store
//! (each one's record under its etcd lease; this master's own is live).

use piccolo_proto::{GetMastersRequest, GetMastersResponse};
use tonic::{Request, Response, Status};

use super::admin_api::AdminHandles;
use super::{auth, store_status};

/// `GetMasters`.
pub async fn get(
    state: &AdminHandles,
    request: Request<GetMastersRequest>,
) -> Result<Response<GetMastersResponse>, Status> {
    auth::reader(&request)?;
    let me = crate::cluster::local_info(&state.cluster, &state.metrics, &state.persister, state.cluster.is_leader());
    let masters = state.cluster.masters(me).await.map_err(store_status)?;
    Ok(Response::new(GetMastersResponse { masters }))
}
