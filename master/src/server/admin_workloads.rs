//! Admin handlers for workloads (thin: the domain is `crate::workloads`; each
//! handler gets only the `Workloads` handle).

use piccolo_proto::{
    ApplyWorkloadsRequest, ApplyWorkloadsResponse, DeleteWorkloadRequest, DeleteWorkloadResponse, GetWorkloadsRequest,
    GetWorkloadsResponse,
};
use tonic::{Code, Request, Response, Status};

use super::auth;
use crate::workloads::{Pace, Workloads, WorkloadsError};

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
    workloads: &Workloads,
    request: Request<ApplyWorkloadsRequest>,
) -> Result<Response<ApplyWorkloadsResponse>, Status> {
    auth::admin(&request)?;
    let req = request.into_inner();
    if req.workloads.is_empty() {
        return Err(Status::invalid_argument("no workloads given (a workload file holds [[workload]] tables)"));
    }
    let pace = Pace { batch_size: req.batch_size, timeout_ms: req.batch_timeout_ms };
    let applied = workloads.apply(req.workloads, req.dry_run, pace).await.map_err(status)?;
    Ok(Response::new(ApplyWorkloadsResponse { workloads: applied }))
}

/// `GetWorkloads`.
pub fn get(
    workloads: &Workloads,
    request: Request<GetWorkloadsRequest>,
) -> Result<Response<GetWorkloadsResponse>, Status> {
    auth::reader(&request)?;
    let name = request.into_inner().name;
    Ok(Response::new(GetWorkloadsResponse { workloads: workloads.list(&name).map_err(status)? }))
}

/// The stream `WorkloadLogs` answers with.
pub type LogStream = tokio_stream::wrappers::ReceiverStream<Result<piccolo_proto::LogChunk, Status>>;

/// `WorkloadLogs`: relayed from the node's agent over its session.
pub fn logs(
    workloads: &Workloads,
    request: Request<piccolo_proto::WorkloadLogsRequest>,
) -> Result<Response<LogStream>, Status> {
    auth::reader(&request)?;
    let r = request.into_inner();
    workloads.list(&r.workload).map_err(status)?;
    let rx = workloads.open_logs(&r.node, &r.workload, r.tail, r.follow)?;
    Ok(Response::new(tokio_stream::wrappers::ReceiverStream::new(rx)))
}

/// `UndoWorkload`.
pub async fn undo(
    workloads: &Workloads,
    request: Request<piccolo_proto::UndoWorkloadRequest>,
) -> Result<Response<ApplyWorkloadsResponse>, Status> {
    auth::admin(&request)?;
    let r = request.into_inner();
    let pace = Pace { batch_size: r.batch_size, timeout_ms: r.batch_timeout_ms };
    let applied = workloads.undo(&r.name, pace).await.map_err(status)?;
    Ok(Response::new(ApplyWorkloadsResponse { workloads: applied }))
}

/// `DeleteWorkload`.
pub async fn delete(
    workloads: &Workloads,
    request: Request<DeleteWorkloadRequest>,
) -> Result<Response<DeleteWorkloadResponse>, Status> {
    auth::admin(&request)?;
    let name = request.into_inner().name;
    let nodes = workloads.delete(&name).await.map_err(status)?;
    Ok(Response::new(DeleteWorkloadResponse { nodes }))
}
