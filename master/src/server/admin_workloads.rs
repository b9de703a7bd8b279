//! Admin handlers for workloads (thin: the domain is `crate::workloads`).

use piccolo_proto::{
    ApplyWorkloadsRequest, ApplyWorkloadsResponse, DeleteWorkloadRequest, DeleteWorkloadResponse, GetWorkloadsRequest,
    GetWorkloadsResponse,
};
use tonic::{Code, Request, Response, Status};

use super::{AppState, auth};
use crate::workloads::{Pace, WorkloadsError};

fn status(e: WorkloadsError) -> Status {
    let code = match &e {
        WorkloadsError::Invalid(_) => Code::InvalidArgument,
        WorkloadsError::NotFound(_) => Code::NotFound,
        WorkloadsError::Store(_) => Code::Unavailable,
    };
    Status::new(code, e.to_string())
}

/// `ApplyWorkloads`: everything validated before anything is stored.
pub async fn apply(
    state: &AppState,
    request: Request<ApplyWorkloadsRequest>,
) -> Result<Response<ApplyWorkloadsResponse>, Status> {
    auth::admin(&request)?;
    let req = request.into_inner();
    if req.workloads.is_empty() {
        return Err(Status::invalid_argument("no workloads given (a workload file holds [[workload]] tables)"));
    }
    let pace = Pace { batch_size: req.batch_size, timeout_ms: req.batch_timeout_ms };
    let workloads = state.workloads.apply(req.workloads, req.dry_run, pace).await.map_err(status)?;
    Ok(Response::new(ApplyWorkloadsResponse { workloads }))
}

/// `GetWorkloads`.
pub fn get(state: &AppState, request: Request<GetWorkloadsRequest>) -> Result<Response<GetWorkloadsResponse>, Status> {
    auth::reader(&request)?;
    let name = request.into_inner().name;
    Ok(Response::new(GetWorkloadsResponse { workloads: state.workloads.list(&name).map_err(status)? }))
}

/// The stream `WorkloadLogs` answers with.
pub type LogStream = tokio_stream::wrappers::ReceiverStream<Result<piccolo_proto::LogChunk, Status>>;

/// `WorkloadLogs`: relayed from the node's agent over its session.
pub fn logs(
    state: &AppState,
    request: Request<piccolo_proto::WorkloadLogsRequest>,
) -> Result<Response<LogStream>, Status> {
    auth::reader(&request)?;
    let r = request.into_inner();
    state.workloads.list(&r.workload).map_err(status)?;
    let rx = state.workloads.open_logs(&r.node, &r.workload, r.tail, r.follow)?;
    Ok(Response::new(tokio_stream::wrappers::ReceiverStream::new(rx)))
}

/// `UndoWorkload`.
pub async fn undo(
    state: &AppState,
    request: Request<piccolo_proto::UndoWorkloadRequest>,
) -> Result<Response<ApplyWorkloadsResponse>, Status> {
    auth::admin(&request)?;
    let r = request.into_inner();
    let pace = Pace { batch_size: r.batch_size, timeout_ms: r.batch_timeout_ms };
    let workloads = state.workloads.undo(&r.name, pace).await.map_err(status)?;
    Ok(Response::new(ApplyWorkloadsResponse { workloads }))
}

/// `DeleteWorkload`.
pub async fn delete(
    state: &AppState,
    request: Request<DeleteWorkloadRequest>,
) -> Result<Response<DeleteWorkloadResponse>, Status> {
    auth::admin(&request)?;
    let name = request.into_inner().name;
    let nodes = state.workloads.delete(&name).await.map_err(status)?;
    Ok(Response::new(DeleteWorkloadResponse { nodes }))
}
