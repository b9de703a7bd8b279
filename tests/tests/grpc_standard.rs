//! The standard gRPC services on the master's port, called with the crates'
//! own clients (what grpcurl, `grpc_health_probe` and load balancers speak):
//! `grpc.health.v1.Health` answers without a client certificate and says
//! SERVING; server reflection (v1 and v1alpha) lists and describes every
//! service to a viewer and refuses a caller without a certificate.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use piccolo_tests::master::credential_channel;
use piccolo_tests::{Master, MasterOptions};
use prost::Message;
use tonic::Code;
use tonic_health::ServingStatus;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;
use tonic_reflection::pb::v1::{ServerReflectionRequest, ServerReflectionResponse};

fn ask(m: MessageRequest) -> ServerReflectionRequest {
    ServerReflectionRequest { host: String::new(), message_request: Some(m) }
}

async fn reflect(
    ch: tonic::transport::Channel,
    reqs: Vec<ServerReflectionRequest>,
) -> Result<Vec<ServerReflectionResponse>, tonic::Status> {
    let mut stream =
        ServerReflectionClient::new(ch).server_reflection_info(tokio_stream::iter(reqs)).await?.into_inner();
    let mut out = Vec::new();
    while let Some(r) = stream.message().await? {
        out.push(r);
    }
    Ok(out)
}

#[tokio::test]
async fn health_and_reflection_work_with_standard_clients() {
    let master = Master::start(MasterOptions::default()).await;

    // Health: no certificate needed; the whole server and each service serve.
    let mut health = HealthClient::new(master.anonymous_channel().await);
    for service in ["", "piccolo.v1.ApiServerService", "piccolo.v1.NodeAgentService"] {
        let r = health.check(HealthCheckRequest { service: service.into() }).await.expect("health check");
        assert_eq!(r.into_inner().status(), ServingStatus::Serving.into(), "{service:?}");
    }
    let err = health.check(HealthCheckRequest { service: "nope.Service".into() }).await.expect_err("unknown");
    assert_eq!(err.code(), Code::NotFound);
    let mut watch = health.watch(HealthCheckRequest { service: String::new() }).await.expect("watch").into_inner();
    let first = watch.message().await.expect("watch message").expect("a status");
    assert_eq!(first.status(), ServingStatus::Serving.into());

    // Reflection: a viewer lists the services and gets their descriptors.
    let viewer = credential_channel(&master.credential("grpcurl", true)).await.expect("viewer channel");
    let answers = reflect(
        viewer.clone(),
        vec![
            ask(MessageRequest::ListServices(String::new())),
            ask(MessageRequest::FileContainingSymbol("piccolo.v1.ApiServerService".into())),
            ask(MessageRequest::FileContainingSymbol("piccolo.v1.Node".into())),
        ],
    )
    .await
    .expect("reflection as a viewer");
    assert_eq!(answers.len(), 3);
    let Some(MessageResponse::ListServicesResponse(list)) = &answers[0].message_response else {
        panic!("{:?}", answers[0])
    };
    let names: Vec<&str> = list.service.iter().map(|s| s.name.as_str()).collect();
    for want in [
        "piccolo.v1.ApiServerService",
        "piccolo.v1.NodeAgentService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
    ] {
        assert!(names.contains(&want), "{want} not listed: {names:?}");
    }
    for a in &answers[1..] {
        let Some(MessageResponse::FileDescriptorResponse(files)) = &a.message_response else { panic!("{a:?}") };
        let file = prost_types::FileDescriptorProto::decode(files.file_descriptor_proto[0].as_slice()).expect("decode");
        assert_eq!(file.package(), "piccolo.v1");
        let api = file.service.iter().find(|s| s.name() == "ApiServerService").expect("ApiServerService described");
        assert!(api.method.iter().any(|m| m.name() == "GetNodes"), "methods described");
    }

    // Without a certificate reflection is refused (health is the only open call).
    let err = reflect(master.anonymous_channel().await, vec![ask(MessageRequest::ListServices(String::new()))])
        .await
        .expect_err("anonymous reflection");
    assert_eq!(err.code(), Code::Unauthenticated, "{err}");

    // v1alpha, which older grpcurl versions use, answers too.
    use tonic_reflection::pb::v1alpha as alpha;
    let req = alpha::ServerReflectionRequest {
        host: String::new(),
        message_request: Some(alpha::server_reflection_request::MessageRequest::ListServices(String::new())),
    };
    let mut client = alpha::server_reflection_client::ServerReflectionClient::new(viewer);
    let mut stream = client.server_reflection_info(tokio_stream::iter(vec![req])).await.expect("v1alpha").into_inner();
    let r = stream.message().await.expect("v1alpha answer").expect("one answer");
    assert!(
        matches!(r.message_response, Some(alpha::server_reflection_response::MessageResponse::ListServicesResponse(_))),
        "{r:?}"
    );
}
