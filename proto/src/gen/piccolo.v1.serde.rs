impl serde::Serialize for AddressBinding {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.AddressBinding", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            struct_ser.serialize_field("address", &self.address)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("lastUsedMs", ToString::to_string(&self.last_used_ms).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AddressBinding {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "address",
            "last_used_ms",
            "lastUsedMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            Address,
            LastUsedMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "address" => Ok(GeneratedField::Address),
                            "lastUsedMs" | "last_used_ms" => Ok(GeneratedField::LastUsedMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AddressBinding;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.AddressBinding")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AddressBinding, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut address__ = None;
                let mut last_used_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Address => {
                            if address__.is_some() {
                                return Err(serde::de::Error::duplicate_field("address"));
                            }
                            address__ = Some(map_.next_value()?);
                        }
                        GeneratedField::LastUsedMs => {
                            if last_used_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastUsedMs"));
                            }
                            last_used_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(AddressBinding {
                    node: node__.unwrap_or_default(),
                    address: address__.unwrap_or_default(),
                    last_used_ms: last_used_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.AddressBinding", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AgentConfig {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.AgentConfig", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("version", ToString::to_string(&self.version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("heartbeatIntervalMs", &self.heartbeat_interval_ms)?;
        }
        if true {
            struct_ser.serialize_field("statusIntervalMs", &self.status_interval_ms)?;
        }
        if true {
            struct_ser.serialize_field("labels", &self.labels)?;
        }
        if true {
            struct_ser.serialize_field("podmanDisabled", &self.podman_disabled)?;
        }
        if true {
            struct_ser.serialize_field("podmanSocket", &self.podman_socket)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("minMemoryBytes", ToString::to_string(&self.min_memory_bytes).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("minDiskBytes", ToString::to_string(&self.min_disk_bytes).as_str())?;
        }
        if true {
            struct_ser.serialize_field("bufferFlushIntervalMs", &self.buffer_flush_interval_ms)?;
        }
        if true {
            struct_ser.serialize_field("bufferFlushEntries", &self.buffer_flush_entries)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AgentConfig {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "version",
            "heartbeat_interval_ms",
            "heartbeatIntervalMs",
            "status_interval_ms",
            "statusIntervalMs",
            "labels",
            "podman_disabled",
            "podmanDisabled",
            "podman_socket",
            "podmanSocket",
            "min_memory_bytes",
            "minMemoryBytes",
            "min_disk_bytes",
            "minDiskBytes",
            "buffer_flush_interval_ms",
            "bufferFlushIntervalMs",
            "buffer_flush_entries",
            "bufferFlushEntries",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Version,
            HeartbeatIntervalMs,
            StatusIntervalMs,
            Labels,
            PodmanDisabled,
            PodmanSocket,
            MinMemoryBytes,
            MinDiskBytes,
            BufferFlushIntervalMs,
            BufferFlushEntries,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "version" => Ok(GeneratedField::Version),
                            "heartbeatIntervalMs" | "heartbeat_interval_ms" => Ok(GeneratedField::HeartbeatIntervalMs),
                            "statusIntervalMs" | "status_interval_ms" => Ok(GeneratedField::StatusIntervalMs),
                            "labels" => Ok(GeneratedField::Labels),
                            "podmanDisabled" | "podman_disabled" => Ok(GeneratedField::PodmanDisabled),
                            "podmanSocket" | "podman_socket" => Ok(GeneratedField::PodmanSocket),
                            "minMemoryBytes" | "min_memory_bytes" => Ok(GeneratedField::MinMemoryBytes),
                            "minDiskBytes" | "min_disk_bytes" => Ok(GeneratedField::MinDiskBytes),
                            "bufferFlushIntervalMs" | "buffer_flush_interval_ms" => Ok(GeneratedField::BufferFlushIntervalMs),
                            "bufferFlushEntries" | "buffer_flush_entries" => Ok(GeneratedField::BufferFlushEntries),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AgentConfig;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.AgentConfig")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AgentConfig, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut version__ = None;
                let mut heartbeat_interval_ms__ = None;
                let mut status_interval_ms__ = None;
                let mut labels__ = None;
                let mut podman_disabled__ = None;
                let mut podman_socket__ = None;
                let mut min_memory_bytes__ = None;
                let mut min_disk_bytes__ = None;
                let mut buffer_flush_interval_ms__ = None;
                let mut buffer_flush_entries__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::HeartbeatIntervalMs => {
                            if heartbeat_interval_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("heartbeatIntervalMs"));
                            }
                            heartbeat_interval_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::StatusIntervalMs => {
                            if status_interval_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("statusIntervalMs"));
                            }
                            status_interval_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Labels => {
                            if labels__.is_some() {
                                return Err(serde::de::Error::duplicate_field("labels"));
                            }
                            labels__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::PodmanDisabled => {
                            if podman_disabled__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podmanDisabled"));
                            }
                            podman_disabled__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PodmanSocket => {
                            if podman_socket__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podmanSocket"));
                            }
                            podman_socket__ = Some(map_.next_value()?);
                        }
                        GeneratedField::MinMemoryBytes => {
                            if min_memory_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("minMemoryBytes"));
                            }
                            min_memory_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::MinDiskBytes => {
                            if min_disk_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("minDiskBytes"));
                            }
                            min_disk_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::BufferFlushIntervalMs => {
                            if buffer_flush_interval_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("bufferFlushIntervalMs"));
                            }
                            buffer_flush_interval_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::BufferFlushEntries => {
                            if buffer_flush_entries__.is_some() {
                                return Err(serde::de::Error::duplicate_field("bufferFlushEntries"));
                            }
                            buffer_flush_entries__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(AgentConfig {
                    version: version__.unwrap_or_default(),
                    heartbeat_interval_ms: heartbeat_interval_ms__.unwrap_or_default(),
                    status_interval_ms: status_interval_ms__.unwrap_or_default(),
                    labels: labels__.unwrap_or_default(),
                    podman_disabled: podman_disabled__.unwrap_or_default(),
                    podman_socket: podman_socket__.unwrap_or_default(),
                    min_memory_bytes: min_memory_bytes__.unwrap_or_default(),
                    min_disk_bytes: min_disk_bytes__.unwrap_or_default(),
                    buffer_flush_interval_ms: buffer_flush_interval_ms__.unwrap_or_default(),
                    buffer_flush_entries: buffer_flush_entries__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.AgentConfig", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for AgentMessage {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.msg.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.AgentMessage", len)?;
        if let Some(v) = self.msg.as_ref() {
            match v {
                agent_message::Msg::Heartbeat(v) => {
                    struct_ser.serialize_field("heartbeat", v)?;
                }
                agent_message::Msg::Status(v) => {
                    struct_ser.serialize_field("status", v)?;
                }
                agent_message::Msg::ConfigAck(v) => {
                    struct_ser.serialize_field("configAck", v)?;
                }
                agent_message::Msg::Hello(v) => {
                    struct_ser.serialize_field("hello", v)?;
                }
                agent_message::Msg::ContainerEvent(v) => {
                    struct_ser.serialize_field("containerEvent", v)?;
                }
                agent_message::Msg::CommandResult(v) => {
                    struct_ser.serialize_field("commandResult", v)?;
                }
                agent_message::Msg::Replay(v) => {
                    struct_ser.serialize_field("replay", v)?;
                }
                agent_message::Msg::WorkloadAck(v) => {
                    struct_ser.serialize_field("workloadAck", v)?;
                }
                agent_message::Msg::WorkloadReport(v) => {
                    struct_ser.serialize_field("workloadReport", v)?;
                }
                agent_message::Msg::LogChunk(v) => {
                    struct_ser.serialize_field("logChunk", v)?;
                }
                agent_message::Msg::ClusterReport(v) => {
                    struct_ser.serialize_field("clusterReport", v)?;
                }
            }
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for AgentMessage {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "heartbeat",
            "status",
            "config_ack",
            "configAck",
            "hello",
            "container_event",
            "containerEvent",
            "command_result",
            "commandResult",
            "replay",
            "workload_ack",
            "workloadAck",
            "workload_report",
            "workloadReport",
            "log_chunk",
            "logChunk",
            "cluster_report",
            "clusterReport",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Heartbeat,
            Status,
            ConfigAck,
            Hello,
            ContainerEvent,
            CommandResult,
            Replay,
            WorkloadAck,
            WorkloadReport,
            LogChunk,
            ClusterReport,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "heartbeat" => Ok(GeneratedField::Heartbeat),
                            "status" => Ok(GeneratedField::Status),
                            "configAck" | "config_ack" => Ok(GeneratedField::ConfigAck),
                            "hello" => Ok(GeneratedField::Hello),
                            "containerEvent" | "container_event" => Ok(GeneratedField::ContainerEvent),
                            "commandResult" | "command_result" => Ok(GeneratedField::CommandResult),
                            "replay" => Ok(GeneratedField::Replay),
                            "workloadAck" | "workload_ack" => Ok(GeneratedField::WorkloadAck),
                            "workloadReport" | "workload_report" => Ok(GeneratedField::WorkloadReport),
                            "logChunk" | "log_chunk" => Ok(GeneratedField::LogChunk),
                            "clusterReport" | "cluster_report" => Ok(GeneratedField::ClusterReport),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = AgentMessage;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.AgentMessage")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<AgentMessage, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut msg__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Heartbeat => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("heartbeat"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::Heartbeat)
;
                        }
                        GeneratedField::Status => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("status"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::Status)
;
                        }
                        GeneratedField::ConfigAck => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("configAck"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::ConfigAck)
;
                        }
                        GeneratedField::Hello => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("hello"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::Hello)
;
                        }
                        GeneratedField::ContainerEvent => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containerEvent"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::ContainerEvent)
;
                        }
                        GeneratedField::CommandResult => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("commandResult"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::CommandResult)
;
                        }
                        GeneratedField::Replay => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("replay"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::Replay)
;
                        }
                        GeneratedField::WorkloadAck => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloadAck"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::WorkloadAck)
;
                        }
                        GeneratedField::WorkloadReport => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloadReport"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::WorkloadReport)
;
                        }
                        GeneratedField::LogChunk => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("logChunk"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::LogChunk)
;
                        }
                        GeneratedField::ClusterReport => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("clusterReport"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(agent_message::Msg::ClusterReport)
;
                        }
                    }
                }
                Ok(AgentMessage {
                    msg: msg__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.AgentMessage", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ApplyWorkloadsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ApplyWorkloadsRequest", len)?;
        if true {
            struct_ser.serialize_field("workloads", &self.workloads)?;
        }
        if true {
            struct_ser.serialize_field("dryRun", &self.dry_run)?;
        }
        if true {
            struct_ser.serialize_field("batchSize", &self.batch_size)?;
        }
        if true {
            struct_ser.serialize_field("batchTimeoutMs", &self.batch_timeout_ms)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ApplyWorkloadsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "workloads",
            "dry_run",
            "dryRun",
            "batch_size",
            "batchSize",
            "batch_timeout_ms",
            "batchTimeoutMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Workloads,
            DryRun,
            BatchSize,
            BatchTimeoutMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "workloads" => Ok(GeneratedField::Workloads),
                            "dryRun" | "dry_run" => Ok(GeneratedField::DryRun),
                            "batchSize" | "batch_size" => Ok(GeneratedField::BatchSize),
                            "batchTimeoutMs" | "batch_timeout_ms" => Ok(GeneratedField::BatchTimeoutMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ApplyWorkloadsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ApplyWorkloadsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ApplyWorkloadsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut workloads__ = None;
                let mut dry_run__ = None;
                let mut batch_size__ = None;
                let mut batch_timeout_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Workloads => {
                            if workloads__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloads"));
                            }
                            workloads__ = Some(map_.next_value()?);
                        }
                        GeneratedField::DryRun => {
                            if dry_run__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dryRun"));
                            }
                            dry_run__ = Some(map_.next_value()?);
                        }
                        GeneratedField::BatchSize => {
                            if batch_size__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchSize"));
                            }
                            batch_size__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::BatchTimeoutMs => {
                            if batch_timeout_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchTimeoutMs"));
                            }
                            batch_timeout_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ApplyWorkloadsRequest {
                    workloads: workloads__.unwrap_or_default(),
                    dry_run: dry_run__.unwrap_or_default(),
                    batch_size: batch_size__.unwrap_or_default(),
                    batch_timeout_ms: batch_timeout_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ApplyWorkloadsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ApplyWorkloadsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ApplyWorkloadsResponse", len)?;
        if true {
            struct_ser.serialize_field("workloads", &self.workloads)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ApplyWorkloadsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "workloads",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Workloads,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "workloads" => Ok(GeneratedField::Workloads),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ApplyWorkloadsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ApplyWorkloadsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ApplyWorkloadsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut workloads__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Workloads => {
                            if workloads__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloads"));
                            }
                            workloads__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ApplyWorkloadsResponse {
                    workloads: workloads__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ApplyWorkloadsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BackupArchive {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.BackupArchive", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("createdAtMs", ToString::to_string(&self.created_at_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("masterVersion", &self.master_version)?;
        }
        if true {
            struct_ser.serialize_field("sourceStore", &self.source_store)?;
        }
        if true {
            struct_ser.serialize_field("caCertHash", &self.ca_cert_hash)?;
        }
        if true {
            struct_ser.serialize_field("caCertificatePem", &self.ca_certificate_pem)?;
        }
        if true {
            struct_ser.serialize_field("caKeyPem", &self.ca_key_pem)?;
        }
        if true {
            struct_ser.serialize_field("entries", &self.entries)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BackupArchive {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "created_at_ms",
            "createdAtMs",
            "master_version",
            "masterVersion",
            "source_store",
            "sourceStore",
            "ca_cert_hash",
            "caCertHash",
            "ca_certificate_pem",
            "caCertificatePem",
            "ca_key_pem",
            "caKeyPem",
            "entries",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            CreatedAtMs,
            MasterVersion,
            SourceStore,
            CaCertHash,
            CaCertificatePem,
            CaKeyPem,
            Entries,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "createdAtMs" | "created_at_ms" => Ok(GeneratedField::CreatedAtMs),
                            "masterVersion" | "master_version" => Ok(GeneratedField::MasterVersion),
                            "sourceStore" | "source_store" => Ok(GeneratedField::SourceStore),
                            "caCertHash" | "ca_cert_hash" => Ok(GeneratedField::CaCertHash),
                            "caCertificatePem" | "ca_certificate_pem" => Ok(GeneratedField::CaCertificatePem),
                            "caKeyPem" | "ca_key_pem" => Ok(GeneratedField::CaKeyPem),
                            "entries" => Ok(GeneratedField::Entries),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BackupArchive;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.BackupArchive")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BackupArchive, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut created_at_ms__ = None;
                let mut master_version__ = None;
                let mut source_store__ = None;
                let mut ca_cert_hash__ = None;
                let mut ca_certificate_pem__ = None;
                let mut ca_key_pem__ = None;
                let mut entries__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::CreatedAtMs => {
                            if created_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdAtMs"));
                            }
                            created_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::MasterVersion => {
                            if master_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("masterVersion"));
                            }
                            master_version__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SourceStore => {
                            if source_store__.is_some() {
                                return Err(serde::de::Error::duplicate_field("sourceStore"));
                            }
                            source_store__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CaCertHash => {
                            if ca_cert_hash__.is_some() {
                                return Err(serde::de::Error::duplicate_field("caCertHash"));
                            }
                            ca_cert_hash__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CaCertificatePem => {
                            if ca_certificate_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("caCertificatePem"));
                            }
                            ca_certificate_pem__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CaKeyPem => {
                            if ca_key_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("caKeyPem"));
                            }
                            ca_key_pem__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Entries => {
                            if entries__.is_some() {
                                return Err(serde::de::Error::duplicate_field("entries"));
                            }
                            entries__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(BackupArchive {
                    created_at_ms: created_at_ms__.unwrap_or_default(),
                    master_version: master_version__.unwrap_or_default(),
                    source_store: source_store__.unwrap_or_default(),
                    ca_cert_hash: ca_cert_hash__.unwrap_or_default(),
                    ca_certificate_pem: ca_certificate_pem__.unwrap_or_default(),
                    ca_key_pem: ca_key_pem__.unwrap_or_default(),
                    entries: entries__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.BackupArchive", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BackupChunk {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.BackupChunk", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("data", pbjson::private::base64::encode(&self.data).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BackupChunk {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "data",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Data,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "data" => Ok(GeneratedField::Data),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BackupChunk;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.BackupChunk")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BackupChunk, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut data__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Data => {
                            if data__.is_some() {
                                return Err(serde::de::Error::duplicate_field("data"));
                            }
                            data__ = 
                                Some(map_.next_value::<::pbjson::private::BytesDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(BackupChunk {
                    data: data__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.BackupChunk", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BackupEntry {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.BackupEntry", len)?;
        if true {
            struct_ser.serialize_field("key", &self.key)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("value", pbjson::private::base64::encode(&self.value).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BackupEntry {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "key",
            "value",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Key,
            Value,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "key" => Ok(GeneratedField::Key),
                            "value" => Ok(GeneratedField::Value),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BackupEntry;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.BackupEntry")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BackupEntry, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut key__ = None;
                let mut value__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Key => {
                            if key__.is_some() {
                                return Err(serde::de::Error::duplicate_field("key"));
                            }
                            key__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Value => {
                            if value__.is_some() {
                                return Err(serde::de::Error::duplicate_field("value"));
                            }
                            value__ = 
                                Some(map_.next_value::<::pbjson::private::BytesDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(BackupEntry {
                    key: key__.unwrap_or_default(),
                    value: value__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.BackupEntry", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BackupRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.BackupRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BackupRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BackupRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.BackupRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BackupRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(BackupRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.BackupRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for BufferedEntry {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if self.entry.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.BufferedEntry", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("seq", ToString::to_string(&self.seq).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("timeMs", ToString::to_string(&self.time_ms).as_str())?;
        }
        if let Some(v) = self.entry.as_ref() {
            match v {
                buffered_entry::Entry::ContainerEvent(v) => {
                    struct_ser.serialize_field("containerEvent", v)?;
                }
                buffered_entry::Entry::StatusChange(v) => {
                    struct_ser.serialize_field("statusChange", v)?;
                }
                buffered_entry::Entry::WorkloadStatus(v) => {
                    struct_ser.serialize_field("workloadStatus", v)?;
                }
            }
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for BufferedEntry {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "seq",
            "time_ms",
            "timeMs",
            "container_event",
            "containerEvent",
            "status_change",
            "statusChange",
            "workload_status",
            "workloadStatus",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Seq,
            TimeMs,
            ContainerEvent,
            StatusChange,
            WorkloadStatus,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "seq" => Ok(GeneratedField::Seq),
                            "timeMs" | "time_ms" => Ok(GeneratedField::TimeMs),
                            "containerEvent" | "container_event" => Ok(GeneratedField::ContainerEvent),
                            "statusChange" | "status_change" => Ok(GeneratedField::StatusChange),
                            "workloadStatus" | "workload_status" => Ok(GeneratedField::WorkloadStatus),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = BufferedEntry;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.BufferedEntry")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<BufferedEntry, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut seq__ = None;
                let mut time_ms__ = None;
                let mut entry__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Seq => {
                            if seq__.is_some() {
                                return Err(serde::de::Error::duplicate_field("seq"));
                            }
                            seq__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::TimeMs => {
                            if time_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeMs"));
                            }
                            time_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ContainerEvent => {
                            if entry__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containerEvent"));
                            }
                            entry__ = map_.next_value::<::std::option::Option<_>>()?.map(buffered_entry::Entry::ContainerEvent)
;
                        }
                        GeneratedField::StatusChange => {
                            if entry__.is_some() {
                                return Err(serde::de::Error::duplicate_field("statusChange"));
                            }
                            entry__ = map_.next_value::<::std::option::Option<_>>()?.map(buffered_entry::Entry::StatusChange)
;
                        }
                        GeneratedField::WorkloadStatus => {
                            if entry__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloadStatus"));
                            }
                            entry__ = map_.next_value::<::std::option::Option<_>>()?.map(buffered_entry::Entry::WorkloadStatus)
;
                        }
                    }
                }
                Ok(BufferedEntry {
                    seq: seq__.unwrap_or_default(),
                    time_ms: time_ms__.unwrap_or_default(),
                    entry: entry__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.BufferedEntry", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for CheckResult {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.CheckResult", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("ok", &self.ok)?;
        }
        if true {
            struct_ser.serialize_field("required", &self.required)?;
        }
        if true {
            struct_ser.serialize_field("detail", &self.detail)?;
        }
        if true {
            struct_ser.serialize_field("hint", &self.hint)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for CheckResult {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "ok",
            "required",
            "detail",
            "hint",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Ok,
            Required,
            Detail,
            Hint,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "ok" => Ok(GeneratedField::Ok),
                            "required" => Ok(GeneratedField::Required),
                            "detail" => Ok(GeneratedField::Detail),
                            "hint" => Ok(GeneratedField::Hint),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = CheckResult;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.CheckResult")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<CheckResult, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut ok__ = None;
                let mut required__ = None;
                let mut detail__ = None;
                let mut hint__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Ok => {
                            if ok__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ok"));
                            }
                            ok__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Required => {
                            if required__.is_some() {
                                return Err(serde::de::Error::duplicate_field("required"));
                            }
                            required__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Detail => {
                            if detail__.is_some() {
                                return Err(serde::de::Error::duplicate_field("detail"));
                            }
                            detail__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Hint => {
                            if hint__.is_some() {
                                return Err(serde::de::Error::duplicate_field("hint"));
                            }
                            hint__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(CheckResult {
                    name: name__.unwrap_or_default(),
                    ok: ok__.unwrap_or_default(),
                    required: required__.unwrap_or_default(),
                    detail: detail__.unwrap_or_default(),
                    hint: hint__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.CheckResult", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ChildCluster {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ChildCluster", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            let v = NodeState::try_from(self.state)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.state)))?;
            struct_ser.serialize_field("state", &v)?;
        }
        if true {
            struct_ser.serialize_field("reason", &self.reason)?;
        }
        if true {
            struct_ser.serialize_field("connected", &self.connected)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("lastHeartbeatMs", ToString::to_string(&self.last_heartbeat_ms).as_str())?;
        }
        if let Some(v) = self.report.as_ref() {
            struct_ser.serialize_field("report", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("reportedAtMs", ToString::to_string(&self.reported_at_ms).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ChildCluster {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "state",
            "reason",
            "connected",
            "last_heartbeat_ms",
            "lastHeartbeatMs",
            "report",
            "reported_at_ms",
            "reportedAtMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            State,
            Reason,
            Connected,
            LastHeartbeatMs,
            Report,
            ReportedAtMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "state" => Ok(GeneratedField::State),
                            "reason" => Ok(GeneratedField::Reason),
                            "connected" => Ok(GeneratedField::Connected),
                            "lastHeartbeatMs" | "last_heartbeat_ms" => Ok(GeneratedField::LastHeartbeatMs),
                            "report" => Ok(GeneratedField::Report),
                            "reportedAtMs" | "reported_at_ms" => Ok(GeneratedField::ReportedAtMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ChildCluster;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ChildCluster")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ChildCluster, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut state__ = None;
                let mut reason__ = None;
                let mut connected__ = None;
                let mut last_heartbeat_ms__ = None;
                let mut report__ = None;
                let mut reported_at_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value::<NodeState>()? as i32);
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Connected => {
                            if connected__.is_some() {
                                return Err(serde::de::Error::duplicate_field("connected"));
                            }
                            connected__ = Some(map_.next_value()?);
                        }
                        GeneratedField::LastHeartbeatMs => {
                            if last_heartbeat_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastHeartbeatMs"));
                            }
                            last_heartbeat_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Report => {
                            if report__.is_some() {
                                return Err(serde::de::Error::duplicate_field("report"));
                            }
                            report__ = map_.next_value()?;
                        }
                        GeneratedField::ReportedAtMs => {
                            if reported_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reportedAtMs"));
                            }
                            reported_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ChildCluster {
                    name: name__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    reason: reason__.unwrap_or_default(),
                    connected: connected__.unwrap_or_default(),
                    last_heartbeat_ms: last_heartbeat_ms__.unwrap_or_default(),
                    report: report__,
                    reported_at_ms: reported_at_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ChildCluster", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ChildReportRecord {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ChildReportRecord", len)?;
        if let Some(v) = self.report.as_ref() {
            struct_ser.serialize_field("report", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("reportedAtMs", ToString::to_string(&self.reported_at_ms).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ChildReportRecord {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "report",
            "reported_at_ms",
            "reportedAtMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Report,
            ReportedAtMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "report" => Ok(GeneratedField::Report),
                            "reportedAtMs" | "reported_at_ms" => Ok(GeneratedField::ReportedAtMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ChildReportRecord;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ChildReportRecord")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ChildReportRecord, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut report__ = None;
                let mut reported_at_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Report => {
                            if report__.is_some() {
                                return Err(serde::de::Error::duplicate_field("report"));
                            }
                            report__ = map_.next_value()?;
                        }
                        GeneratedField::ReportedAtMs => {
                            if reported_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reportedAtMs"));
                            }
                            reported_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ChildReportRecord {
                    report: report__,
                    reported_at_ms: reported_at_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ChildReportRecord", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ClusterReport {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ClusterReport", len)?;
        if true {
            struct_ser.serialize_field("cluster", &self.cluster)?;
        }
        if true {
            struct_ser.serialize_field("zone", &self.zone)?;
        }
        if true {
            struct_ser.serialize_field("nodesByState", &self.nodes_by_state)?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        if true {
            struct_ser.serialize_field("healthy", &self.healthy)?;
        }
        if true {
            struct_ser.serialize_field("health", &self.health)?;
        }
        if true {
            struct_ser.serialize_field("version", &self.version)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ClusterReport {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "cluster",
            "zone",
            "nodes_by_state",
            "nodesByState",
            "nodes",
            "healthy",
            "health",
            "version",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Cluster,
            Zone,
            NodesByState,
            Nodes,
            Healthy,
            Health,
            Version,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "cluster" => Ok(GeneratedField::Cluster),
                            "zone" => Ok(GeneratedField::Zone),
                            "nodesByState" | "nodes_by_state" => Ok(GeneratedField::NodesByState),
                            "nodes" => Ok(GeneratedField::Nodes),
                            "healthy" => Ok(GeneratedField::Healthy),
                            "health" => Ok(GeneratedField::Health),
                            "version" => Ok(GeneratedField::Version),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ClusterReport;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ClusterReport")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ClusterReport, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut cluster__ = None;
                let mut zone__ = None;
                let mut nodes_by_state__ = None;
                let mut nodes__ = None;
                let mut healthy__ = None;
                let mut health__ = None;
                let mut version__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Cluster => {
                            if cluster__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cluster"));
                            }
                            cluster__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Zone => {
                            if zone__.is_some() {
                                return Err(serde::de::Error::duplicate_field("zone"));
                            }
                            zone__ = Some(map_.next_value()?);
                        }
                        GeneratedField::NodesByState => {
                            if nodes_by_state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodesByState"));
                            }
                            nodes_by_state__ = Some(
                                map_.next_value::<std::collections::HashMap<_, ::pbjson::private::NumberDeserialize<u32>>>()?
                                    .into_iter().map(|(k,v)| (k, v.0)).collect()
                            );
                        }
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Healthy => {
                            if healthy__.is_some() {
                                return Err(serde::de::Error::duplicate_field("healthy"));
                            }
                            healthy__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Health => {
                            if health__.is_some() {
                                return Err(serde::de::Error::duplicate_field("health"));
                            }
                            health__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ClusterReport {
                    cluster: cluster__.unwrap_or_default(),
                    zone: zone__.unwrap_or_default(),
                    nodes_by_state: nodes_by_state__.unwrap_or_default(),
                    nodes: nodes__.unwrap_or_default(),
                    healthy: healthy__.unwrap_or_default(),
                    health: health__.unwrap_or_default(),
                    version: version__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ClusterReport", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ClusterTopology {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ClusterTopology", len)?;
        if true {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            let v = TopologyType::try_from(self.r#type)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.r#type)))?;
            struct_ser.serialize_field("type", &v)?;
        }
        if true {
            struct_ser.serialize_field("masterNodes", &self.master_nodes)?;
        }
        if true {
            struct_ser.serialize_field("subNodes", &self.sub_nodes)?;
        }
        if true {
            struct_ser.serialize_field("parentCluster", &self.parent_cluster)?;
        }
        if true {
            struct_ser.serialize_field("config", &self.config)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("version", ToString::to_string(&self.version).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("updatedAtMs", ToString::to_string(&self.updated_at_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        if true {
            struct_ser.serialize_field("roles", &self.roles)?;
        }
        if true {
            struct_ser.serialize_field("clusters", &self.clusters)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("configVersion", ToString::to_string(&self.config_version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("releasedNodes", &self.released_nodes)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ClusterTopology {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "name",
            "type",
            "master_nodes",
            "masterNodes",
            "sub_nodes",
            "subNodes",
            "parent_cluster",
            "parentCluster",
            "config",
            "version",
            "updated_at_ms",
            "updatedAtMs",
            "nodes",
            "roles",
            "clusters",
            "config_version",
            "configVersion",
            "released_nodes",
            "releasedNodes",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Name,
            Type,
            MasterNodes,
            SubNodes,
            ParentCluster,
            Config,
            Version,
            UpdatedAtMs,
            Nodes,
            Roles,
            Clusters,
            ConfigVersion,
            ReleasedNodes,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "name" => Ok(GeneratedField::Name),
                            "type" => Ok(GeneratedField::Type),
                            "masterNodes" | "master_nodes" => Ok(GeneratedField::MasterNodes),
                            "subNodes" | "sub_nodes" => Ok(GeneratedField::SubNodes),
                            "parentCluster" | "parent_cluster" => Ok(GeneratedField::ParentCluster),
                            "config" => Ok(GeneratedField::Config),
                            "version" => Ok(GeneratedField::Version),
                            "updatedAtMs" | "updated_at_ms" => Ok(GeneratedField::UpdatedAtMs),
                            "nodes" => Ok(GeneratedField::Nodes),
                            "roles" => Ok(GeneratedField::Roles),
                            "clusters" => Ok(GeneratedField::Clusters),
                            "configVersion" | "config_version" => Ok(GeneratedField::ConfigVersion),
                            "releasedNodes" | "released_nodes" => Ok(GeneratedField::ReleasedNodes),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ClusterTopology;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ClusterTopology")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ClusterTopology, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut name__ = None;
                let mut r#type__ = None;
                let mut master_nodes__ = None;
                let mut sub_nodes__ = None;
                let mut parent_cluster__ = None;
                let mut config__ = None;
                let mut version__ = None;
                let mut updated_at_ms__ = None;
                let mut nodes__ = None;
                let mut roles__ = None;
                let mut clusters__ = None;
                let mut config_version__ = None;
                let mut released_nodes__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Type => {
                            if r#type__.is_some() {
                                return Err(serde::de::Error::duplicate_field("type"));
                            }
                            r#type__ = Some(map_.next_value::<TopologyType>()? as i32);
                        }
                        GeneratedField::MasterNodes => {
                            if master_nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("masterNodes"));
                            }
                            master_nodes__ = Some(map_.next_value()?);
                        }
                        GeneratedField::SubNodes => {
                            if sub_nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("subNodes"));
                            }
                            sub_nodes__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ParentCluster => {
                            if parent_cluster__.is_some() {
                                return Err(serde::de::Error::duplicate_field("parentCluster"));
                            }
                            parent_cluster__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::UpdatedAtMs => {
                            if updated_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("updatedAtMs"));
                            }
                            updated_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Roles => {
                            if roles__.is_some() {
                                return Err(serde::de::Error::duplicate_field("roles"));
                            }
                            roles__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Clusters => {
                            if clusters__.is_some() {
                                return Err(serde::de::Error::duplicate_field("clusters"));
                            }
                            clusters__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ConfigVersion => {
                            if config_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("configVersion"));
                            }
                            config_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ReleasedNodes => {
                            if released_nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("releasedNodes"));
                            }
                            released_nodes__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ClusterTopology {
                    id: id__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    r#type: r#type__.unwrap_or_default(),
                    master_nodes: master_nodes__.unwrap_or_default(),
                    sub_nodes: sub_nodes__.unwrap_or_default(),
                    parent_cluster: parent_cluster__.unwrap_or_default(),
                    config: config__.unwrap_or_default(),
                    version: version__.unwrap_or_default(),
                    updated_at_ms: updated_at_ms__.unwrap_or_default(),
                    nodes: nodes__.unwrap_or_default(),
                    roles: roles__.unwrap_or_default(),
                    clusters: clusters__.unwrap_or_default(),
                    config_version: config_version__.unwrap_or_default(),
                    released_nodes: released_nodes__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ClusterTopology", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Command {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if self.command.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Command", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("id", ToString::to_string(&self.id).as_str())?;
        }
        if let Some(v) = self.command.as_ref() {
            match v {
                command::Command::ContainerAction(v) => {
                    struct_ser.serialize_field("containerAction", v)?;
                }
            }
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Command {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "container_action",
            "containerAction",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            ContainerAction,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "containerAction" | "container_action" => Ok(GeneratedField::ContainerAction),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Command;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Command")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Command, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut command__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ContainerAction => {
                            if command__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containerAction"));
                            }
                            command__ = map_.next_value::<::std::option::Option<_>>()?.map(command::Command::ContainerAction)
;
                        }
                    }
                }
                Ok(Command {
                    id: id__.unwrap_or_default(),
                    command: command__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Command", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for CommandResult {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.CommandResult", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("id", ToString::to_string(&self.id).as_str())?;
        }
        if true {
            struct_ser.serialize_field("ok", &self.ok)?;
        }
        if true {
            struct_ser.serialize_field("error", &self.error)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for CommandResult {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "ok",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Ok,
            Error,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "ok" => Ok(GeneratedField::Ok),
                            "error" => Ok(GeneratedField::Error),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = CommandResult;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.CommandResult")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<CommandResult, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut ok__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Ok => {
                            if ok__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ok"));
                            }
                            ok__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(CommandResult {
                    id: id__.unwrap_or_default(),
                    ok: ok__.unwrap_or_default(),
                    error: error__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.CommandResult", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ConfigAck {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ConfigAck", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("version", ToString::to_string(&self.version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("ok", &self.ok)?;
        }
        if true {
            struct_ser.serialize_field("error", &self.error)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ConfigAck {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "version",
            "ok",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Version,
            Ok,
            Error,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "version" => Ok(GeneratedField::Version),
                            "ok" => Ok(GeneratedField::Ok),
                            "error" => Ok(GeneratedField::Error),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ConfigAck;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ConfigAck")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ConfigAck, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut version__ = None;
                let mut ok__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Ok => {
                            if ok__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ok"));
                            }
                            ok__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ConfigAck {
                    version: version__.unwrap_or_default(),
                    ok: ok__.unwrap_or_default(),
                    error: error__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ConfigAck", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ConfigHistoryEntry {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ConfigHistoryEntry", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("version", ToString::to_string(&self.version).as_str())?;
        }
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        if true {
            struct_ser.serialize_field("change", &self.change)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("timeMs", ToString::to_string(&self.time_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("by", &self.by)?;
        }
        if true {
            struct_ser.serialize_field("scope", &self.scope)?;
        }
        if true {
            struct_ser.serialize_field("acked", &self.acked)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ConfigHistoryEntry {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "version",
            "config",
            "change",
            "time_ms",
            "timeMs",
            "by",
            "scope",
            "acked",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Version,
            Config,
            Change,
            TimeMs,
            By,
            Scope,
            Acked,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "version" => Ok(GeneratedField::Version),
                            "config" => Ok(GeneratedField::Config),
                            "change" => Ok(GeneratedField::Change),
                            "timeMs" | "time_ms" => Ok(GeneratedField::TimeMs),
                            "by" => Ok(GeneratedField::By),
                            "scope" => Ok(GeneratedField::Scope),
                            "acked" => Ok(GeneratedField::Acked),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ConfigHistoryEntry;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ConfigHistoryEntry")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ConfigHistoryEntry, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut version__ = None;
                let mut config__ = None;
                let mut change__ = None;
                let mut time_ms__ = None;
                let mut by__ = None;
                let mut scope__ = None;
                let mut acked__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                        GeneratedField::Change => {
                            if change__.is_some() {
                                return Err(serde::de::Error::duplicate_field("change"));
                            }
                            change__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TimeMs => {
                            if time_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeMs"));
                            }
                            time_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::By => {
                            if by__.is_some() {
                                return Err(serde::de::Error::duplicate_field("by"));
                            }
                            by__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Scope => {
                            if scope__.is_some() {
                                return Err(serde::de::Error::duplicate_field("scope"));
                            }
                            scope__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Acked => {
                            if acked__.is_some() {
                                return Err(serde::de::Error::duplicate_field("acked"));
                            }
                            acked__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ConfigHistoryEntry {
                    version: version__.unwrap_or_default(),
                    config: config__,
                    change: change__.unwrap_or_default(),
                    time_ms: time_ms__.unwrap_or_default(),
                    by: by__.unwrap_or_default(),
                    scope: scope__.unwrap_or_default(),
                    acked: acked__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ConfigHistoryEntry", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ConfigRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.ConfigRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ConfigRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ConfigRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ConfigRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ConfigRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(ConfigRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ConfigRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ConfigResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ConfigResponse", len)?;
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ConfigResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "config",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Config,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "config" => Ok(GeneratedField::Config),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ConfigResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ConfigResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ConfigResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut config__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                    }
                }
                Ok(ConfigResponse {
                    config: config__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ConfigResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Container {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Container", len)?;
        if true {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("image", &self.image)?;
        }
        if true {
            struct_ser.serialize_field("state", &self.state)?;
        }
        if true {
            struct_ser.serialize_field("health", &self.health)?;
        }
        if true {
            struct_ser.serialize_field("exitCode", &self.exit_code)?;
        }
        if true {
            struct_ser.serialize_field("restartCount", &self.restart_count)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("startedAtMs", ToString::to_string(&self.started_at_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("cpuPercent", &self.cpu_percent)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memoryBytes", ToString::to_string(&self.memory_bytes).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Container {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "name",
            "image",
            "state",
            "health",
            "exit_code",
            "exitCode",
            "restart_count",
            "restartCount",
            "started_at_ms",
            "startedAtMs",
            "cpu_percent",
            "cpuPercent",
            "memory_bytes",
            "memoryBytes",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Name,
            Image,
            State,
            Health,
            ExitCode,
            RestartCount,
            StartedAtMs,
            CpuPercent,
            MemoryBytes,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "name" => Ok(GeneratedField::Name),
                            "image" => Ok(GeneratedField::Image),
                            "state" => Ok(GeneratedField::State),
                            "health" => Ok(GeneratedField::Health),
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "restartCount" | "restart_count" => Ok(GeneratedField::RestartCount),
                            "startedAtMs" | "started_at_ms" => Ok(GeneratedField::StartedAtMs),
                            "cpuPercent" | "cpu_percent" => Ok(GeneratedField::CpuPercent),
                            "memoryBytes" | "memory_bytes" => Ok(GeneratedField::MemoryBytes),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Container;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Container")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Container, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut name__ = None;
                let mut image__ = None;
                let mut state__ = None;
                let mut health__ = None;
                let mut exit_code__ = None;
                let mut restart_count__ = None;
                let mut started_at_ms__ = None;
                let mut cpu_percent__ = None;
                let mut memory_bytes__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Image => {
                            if image__.is_some() {
                                return Err(serde::de::Error::duplicate_field("image"));
                            }
                            image__ = Some(map_.next_value()?);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Health => {
                            if health__.is_some() {
                                return Err(serde::de::Error::duplicate_field("health"));
                            }
                            health__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::RestartCount => {
                            if restart_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("restartCount"));
                            }
                            restart_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::StartedAtMs => {
                            if started_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("startedAtMs"));
                            }
                            started_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::CpuPercent => {
                            if cpu_percent__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cpuPercent"));
                            }
                            cpu_percent__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::MemoryBytes => {
                            if memory_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("memoryBytes"));
                            }
                            memory_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(Container {
                    id: id__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    image: image__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    health: health__.unwrap_or_default(),
                    exit_code: exit_code__.unwrap_or_default(),
                    restart_count: restart_count__.unwrap_or_default(),
                    started_at_ms: started_at_ms__.unwrap_or_default(),
                    cpu_percent: cpu_percent__.unwrap_or_default(),
                    memory_bytes: memory_bytes__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Container", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ContainerAction {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ContainerAction", len)?;
        if true {
            struct_ser.serialize_field("container", &self.container)?;
        }
        if true {
            struct_ser.serialize_field("action", &self.action)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ContainerAction {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "container",
            "action",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Container,
            Action,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "container" => Ok(GeneratedField::Container),
                            "action" => Ok(GeneratedField::Action),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ContainerAction;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ContainerAction")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ContainerAction, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut container__ = None;
                let mut action__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Container => {
                            if container__.is_some() {
                                return Err(serde::de::Error::duplicate_field("container"));
                            }
                            container__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Action => {
                            if action__.is_some() {
                                return Err(serde::de::Error::duplicate_field("action"));
                            }
                            action__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ContainerAction {
                    container: container__.unwrap_or_default(),
                    action: action__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ContainerAction", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ContainerActionRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ContainerActionRequest", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            struct_ser.serialize_field("container", &self.container)?;
        }
        if true {
            struct_ser.serialize_field("action", &self.action)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ContainerActionRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "container",
            "action",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            Container,
            Action,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "container" => Ok(GeneratedField::Container),
                            "action" => Ok(GeneratedField::Action),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ContainerActionRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ContainerActionRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ContainerActionRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut container__ = None;
                let mut action__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Container => {
                            if container__.is_some() {
                                return Err(serde::de::Error::duplicate_field("container"));
                            }
                            container__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Action => {
                            if action__.is_some() {
                                return Err(serde::de::Error::duplicate_field("action"));
                            }
                            action__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ContainerActionRequest {
                    node: node__.unwrap_or_default(),
                    container: container__.unwrap_or_default(),
                    action: action__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ContainerActionRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ContainerActionResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ContainerActionResponse", len)?;
        if true {
            struct_ser.serialize_field("ok", &self.ok)?;
        }
        if true {
            struct_ser.serialize_field("message", &self.message)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ContainerActionResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "ok",
            "message",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Ok,
            Message,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "ok" => Ok(GeneratedField::Ok),
                            "message" => Ok(GeneratedField::Message),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ContainerActionResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ContainerActionResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ContainerActionResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut ok__ = None;
                let mut message__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Ok => {
                            if ok__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ok"));
                            }
                            ok__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ContainerActionResponse {
                    ok: ok__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ContainerActionResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ContainerEvent {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ContainerEvent", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("timeMs", ToString::to_string(&self.time_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("action", &self.action)?;
        }
        if true {
            struct_ser.serialize_field("exitCode", &self.exit_code)?;
        }
        if true {
            struct_ser.serialize_field("image", &self.image)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ContainerEvent {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "time_ms",
            "timeMs",
            "id",
            "name",
            "action",
            "exit_code",
            "exitCode",
            "image",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            TimeMs,
            Id,
            Name,
            Action,
            ExitCode,
            Image,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "timeMs" | "time_ms" => Ok(GeneratedField::TimeMs),
                            "id" => Ok(GeneratedField::Id),
                            "name" => Ok(GeneratedField::Name),
                            "action" => Ok(GeneratedField::Action),
                            "exitCode" | "exit_code" => Ok(GeneratedField::ExitCode),
                            "image" => Ok(GeneratedField::Image),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ContainerEvent;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ContainerEvent")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ContainerEvent, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut time_ms__ = None;
                let mut id__ = None;
                let mut name__ = None;
                let mut action__ = None;
                let mut exit_code__ = None;
                let mut image__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::TimeMs => {
                            if time_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeMs"));
                            }
                            time_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Action => {
                            if action__.is_some() {
                                return Err(serde::de::Error::duplicate_field("action"));
                            }
                            action__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ExitCode => {
                            if exit_code__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exitCode"));
                            }
                            exit_code__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Image => {
                            if image__.is_some() {
                                return Err(serde::de::Error::duplicate_field("image"));
                            }
                            image__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ContainerEvent {
                    time_ms: time_ms__.unwrap_or_default(),
                    id: id__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    action: action__.unwrap_or_default(),
                    exit_code: exit_code__.unwrap_or_default(),
                    image: image__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ContainerEvent", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for CreateTokenRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.CreateTokenRequest", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("ttlSeconds", ToString::to_string(&self.ttl_seconds).as_str())?;
        }
        if true {
            struct_ser.serialize_field("uses", &self.uses)?;
        }
        if true {
            struct_ser.serialize_field("labels", &self.labels)?;
        }
        if true {
            struct_ser.serialize_field("description", &self.description)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for CreateTokenRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "ttl_seconds",
            "ttlSeconds",
            "uses",
            "labels",
            "description",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            TtlSeconds,
            Uses,
            Labels,
            Description,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "ttlSeconds" | "ttl_seconds" => Ok(GeneratedField::TtlSeconds),
                            "uses" => Ok(GeneratedField::Uses),
                            "labels" => Ok(GeneratedField::Labels),
                            "description" => Ok(GeneratedField::Description),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = CreateTokenRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.CreateTokenRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<CreateTokenRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut ttl_seconds__ = None;
                let mut uses__ = None;
                let mut labels__ = None;
                let mut description__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::TtlSeconds => {
                            if ttl_seconds__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ttlSeconds"));
                            }
                            ttl_seconds__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Uses => {
                            if uses__.is_some() {
                                return Err(serde::de::Error::duplicate_field("uses"));
                            }
                            uses__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Labels => {
                            if labels__.is_some() {
                                return Err(serde::de::Error::duplicate_field("labels"));
                            }
                            labels__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Description => {
                            if description__.is_some() {
                                return Err(serde::de::Error::duplicate_field("description"));
                            }
                            description__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(CreateTokenRequest {
                    ttl_seconds: ttl_seconds__.unwrap_or_default(),
                    uses: uses__.unwrap_or_default(),
                    labels: labels__.unwrap_or_default(),
                    description: description__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.CreateTokenRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for CreateTokenResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.CreateTokenResponse", len)?;
        if true {
            struct_ser.serialize_field("token", &self.token)?;
        }
        if let Some(v) = self.info.as_ref() {
            struct_ser.serialize_field("info", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for CreateTokenResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "token",
            "info",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Token,
            Info,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "token" => Ok(GeneratedField::Token),
                            "info" => Ok(GeneratedField::Info),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = CreateTokenResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.CreateTokenResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<CreateTokenResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut token__ = None;
                let mut info__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Token => {
                            if token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("token"));
                            }
                            token__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Info => {
                            if info__.is_some() {
                                return Err(serde::de::Error::duplicate_field("info"));
                            }
                            info__ = map_.next_value()?;
                        }
                    }
                }
                Ok(CreateTokenResponse {
                    token: token__.unwrap_or_default(),
                    info: info__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.CreateTokenResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteWorkloadRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.DeleteWorkloadRequest", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteWorkloadRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteWorkloadRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.DeleteWorkloadRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteWorkloadRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(DeleteWorkloadRequest {
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.DeleteWorkloadRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for DeleteWorkloadResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.DeleteWorkloadResponse", len)?;
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for DeleteWorkloadResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "nodes",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Nodes,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "nodes" => Ok(GeneratedField::Nodes),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = DeleteWorkloadResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.DeleteWorkloadResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<DeleteWorkloadResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut nodes__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(DeleteWorkloadResponse {
                    nodes: nodes__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.DeleteWorkloadResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Event {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Event", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("seq", ToString::to_string(&self.seq).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("timeMs", ToString::to_string(&self.time_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            struct_ser.serialize_field("kind", &self.kind)?;
        }
        if true {
            let v = NodeState::try_from(self.from)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.from)))?;
            struct_ser.serialize_field("from", &v)?;
        }
        if true {
            let v = NodeState::try_from(self.to)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.to)))?;
            struct_ser.serialize_field("to", &v)?;
        }
        if true {
            struct_ser.serialize_field("reason", &self.reason)?;
        }
        if true {
            struct_ser.serialize_field("message", &self.message)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Event {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "seq",
            "time_ms",
            "timeMs",
            "node",
            "kind",
            "from",
            "to",
            "reason",
            "message",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Seq,
            TimeMs,
            Node,
            Kind,
            From,
            To,
            Reason,
            Message,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "seq" => Ok(GeneratedField::Seq),
                            "timeMs" | "time_ms" => Ok(GeneratedField::TimeMs),
                            "node" => Ok(GeneratedField::Node),
                            "kind" => Ok(GeneratedField::Kind),
                            "from" => Ok(GeneratedField::From),
                            "to" => Ok(GeneratedField::To),
                            "reason" => Ok(GeneratedField::Reason),
                            "message" => Ok(GeneratedField::Message),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Event;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Event")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Event, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut seq__ = None;
                let mut time_ms__ = None;
                let mut node__ = None;
                let mut kind__ = None;
                let mut from__ = None;
                let mut to__ = None;
                let mut reason__ = None;
                let mut message__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Seq => {
                            if seq__.is_some() {
                                return Err(serde::de::Error::duplicate_field("seq"));
                            }
                            seq__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::TimeMs => {
                            if time_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeMs"));
                            }
                            time_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Kind => {
                            if kind__.is_some() {
                                return Err(serde::de::Error::duplicate_field("kind"));
                            }
                            kind__ = Some(map_.next_value()?);
                        }
                        GeneratedField::From => {
                            if from__.is_some() {
                                return Err(serde::de::Error::duplicate_field("from"));
                            }
                            from__ = Some(map_.next_value::<NodeState>()? as i32);
                        }
                        GeneratedField::To => {
                            if to__.is_some() {
                                return Err(serde::de::Error::duplicate_field("to"));
                            }
                            to__ = Some(map_.next_value::<NodeState>()? as i32);
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(Event {
                    seq: seq__.unwrap_or_default(),
                    time_ms: time_ms__.unwrap_or_default(),
                    node: node__.unwrap_or_default(),
                    kind: kind__.unwrap_or_default(),
                    from: from__.unwrap_or_default(),
                    to: to__.unwrap_or_default(),
                    reason: reason__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Event", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ExecProbe {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ExecProbe", len)?;
        if true {
            struct_ser.serialize_field("command", &self.command)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ExecProbe {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "command",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Command,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "command" => Ok(GeneratedField::Command),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ExecProbe;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ExecProbe")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ExecProbe, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut command__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Command => {
                            if command__.is_some() {
                                return Err(serde::de::Error::duplicate_field("command"));
                            }
                            command__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ExecProbe {
                    command: command__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ExecProbe", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetClusterInfoRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.GetClusterInfoRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetClusterInfoRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetClusterInfoRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetClusterInfoRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetClusterInfoRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetClusterInfoRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetClusterInfoRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetClusterInfoResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetClusterInfoResponse", len)?;
        if true {
            struct_ser.serialize_field("version", &self.version)?;
        }
        if true {
            struct_ser.serialize_field("store", &self.store)?;
        }
        if true {
            struct_ser.serialize_field("caCertHash", &self.ca_cert_hash)?;
        }
        if true {
            struct_ser.serialize_field("caCertificatePem", &self.ca_certificate_pem)?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetClusterInfoResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "version",
            "store",
            "ca_cert_hash",
            "caCertHash",
            "ca_certificate_pem",
            "caCertificatePem",
            "nodes",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Version,
            Store,
            CaCertHash,
            CaCertificatePem,
            Nodes,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "version" => Ok(GeneratedField::Version),
                            "store" => Ok(GeneratedField::Store),
                            "caCertHash" | "ca_cert_hash" => Ok(GeneratedField::CaCertHash),
                            "caCertificatePem" | "ca_certificate_pem" => Ok(GeneratedField::CaCertificatePem),
                            "nodes" => Ok(GeneratedField::Nodes),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetClusterInfoResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetClusterInfoResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetClusterInfoResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut version__ = None;
                let mut store__ = None;
                let mut ca_cert_hash__ = None;
                let mut ca_certificate_pem__ = None;
                let mut nodes__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Store => {
                            if store__.is_some() {
                                return Err(serde::de::Error::duplicate_field("store"));
                            }
                            store__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CaCertHash => {
                            if ca_cert_hash__.is_some() {
                                return Err(serde::de::Error::duplicate_field("caCertHash"));
                            }
                            ca_cert_hash__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CaCertificatePem => {
                            if ca_certificate_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("caCertificatePem"));
                            }
                            ca_certificate_pem__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(GetClusterInfoResponse {
                    version: version__.unwrap_or_default(),
                    store: store__.unwrap_or_default(),
                    ca_cert_hash: ca_cert_hash__.unwrap_or_default(),
                    ca_certificate_pem: ca_certificate_pem__.unwrap_or_default(),
                    nodes: nodes__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetClusterInfoResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetClustersRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.GetClustersRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetClustersRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetClustersRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetClustersRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetClustersRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetClustersRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetClustersRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetClustersResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetClustersResponse", len)?;
        if true {
            struct_ser.serialize_field("clusters", &self.clusters)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetClustersResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "clusters",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Clusters,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "clusters" => Ok(GeneratedField::Clusters),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetClustersResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetClustersResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetClustersResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut clusters__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Clusters => {
                            if clusters__.is_some() {
                                return Err(serde::de::Error::duplicate_field("clusters"));
                            }
                            clusters__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetClustersResponse {
                    clusters: clusters__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetClustersResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetConfigStatusRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.GetConfigStatusRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetConfigStatusRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetConfigStatusRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetConfigStatusRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetConfigStatusRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetConfigStatusRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetConfigStatusRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetConfigStatusResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetConfigStatusResponse", len)?;
        if let Some(v) = self.cluster.as_ref() {
            struct_ser.serialize_field("cluster", v)?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetConfigStatusResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "cluster",
            "nodes",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Cluster,
            Nodes,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "cluster" => Ok(GeneratedField::Cluster),
                            "nodes" => Ok(GeneratedField::Nodes),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetConfigStatusResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetConfigStatusResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetConfigStatusResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut cluster__ = None;
                let mut nodes__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Cluster => {
                            if cluster__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cluster"));
                            }
                            cluster__ = map_.next_value()?;
                        }
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetConfigStatusResponse {
                    cluster: cluster__,
                    nodes: nodes__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetConfigStatusResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetContainersRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetContainersRequest", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetContainersRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetContainersRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetContainersRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetContainersRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetContainersRequest {
                    node: node__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetContainersRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetContainersResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetContainersResponse", len)?;
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetContainersResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "nodes",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Nodes,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "nodes" => Ok(GeneratedField::Nodes),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetContainersResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetContainersResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetContainersResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut nodes__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetContainersResponse {
                    nodes: nodes__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetContainersResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNodeConfigRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetNodeConfigRequest", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNodeConfigRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNodeConfigRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetNodeConfigRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNodeConfigRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetNodeConfigRequest {
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetNodeConfigRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNodeConfigResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetNodeConfigResponse", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if let Some(v) = self.defaults.as_ref() {
            struct_ser.serialize_field("defaults", v)?;
        }
        if let Some(v) = self.cluster.as_ref() {
            struct_ser.serialize_field("cluster", v)?;
        }
        if let Some(v) = self.topology.as_ref() {
            struct_ser.serialize_field("topology", v)?;
        }
        if let Some(v) = self.r#override.as_ref() {
            struct_ser.serialize_field("override", v)?;
        }
        if let Some(v) = self.effective.as_ref() {
            struct_ser.serialize_field("effective", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("ackedVersion", ToString::to_string(&self.acked_version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("error", &self.error)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNodeConfigResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "defaults",
            "cluster",
            "topology",
            "override",
            "effective",
            "acked_version",
            "ackedVersion",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            Defaults,
            Cluster,
            Topology,
            Override,
            Effective,
            AckedVersion,
            Error,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "defaults" => Ok(GeneratedField::Defaults),
                            "cluster" => Ok(GeneratedField::Cluster),
                            "topology" => Ok(GeneratedField::Topology),
                            "override" => Ok(GeneratedField::Override),
                            "effective" => Ok(GeneratedField::Effective),
                            "ackedVersion" | "acked_version" => Ok(GeneratedField::AckedVersion),
                            "error" => Ok(GeneratedField::Error),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNodeConfigResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetNodeConfigResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNodeConfigResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut defaults__ = None;
                let mut cluster__ = None;
                let mut topology__ = None;
                let mut r#override__ = None;
                let mut effective__ = None;
                let mut acked_version__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Defaults => {
                            if defaults__.is_some() {
                                return Err(serde::de::Error::duplicate_field("defaults"));
                            }
                            defaults__ = map_.next_value()?;
                        }
                        GeneratedField::Cluster => {
                            if cluster__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cluster"));
                            }
                            cluster__ = map_.next_value()?;
                        }
                        GeneratedField::Topology => {
                            if topology__.is_some() {
                                return Err(serde::de::Error::duplicate_field("topology"));
                            }
                            topology__ = map_.next_value()?;
                        }
                        GeneratedField::Override => {
                            if r#override__.is_some() {
                                return Err(serde::de::Error::duplicate_field("override"));
                            }
                            r#override__ = map_.next_value()?;
                        }
                        GeneratedField::Effective => {
                            if effective__.is_some() {
                                return Err(serde::de::Error::duplicate_field("effective"));
                            }
                            effective__ = map_.next_value()?;
                        }
                        GeneratedField::AckedVersion => {
                            if acked_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ackedVersion"));
                            }
                            acked_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetNodeConfigResponse {
                    node: node__.unwrap_or_default(),
                    defaults: defaults__,
                    cluster: cluster__,
                    topology: topology__,
                    r#override: r#override__,
                    effective: effective__,
                    acked_version: acked_version__.unwrap_or_default(),
                    error: error__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetNodeConfigResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNodeRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetNodeRequest", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNodeRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNodeRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetNodeRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNodeRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetNodeRequest {
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetNodeRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNodeResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetNodeResponse", len)?;
        if let Some(v) = self.node.as_ref() {
            struct_ser.serialize_field("node", v)?;
        }
        if true {
            struct_ser.serialize_field("events", &self.events)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNodeResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "events",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            Events,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "events" => Ok(GeneratedField::Events),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNodeResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetNodeResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNodeResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut events__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = map_.next_value()?;
                        }
                        GeneratedField::Events => {
                            if events__.is_some() {
                                return Err(serde::de::Error::duplicate_field("events"));
                            }
                            events__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetNodeResponse {
                    node: node__,
                    events: events__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetNodeResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNodesRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.GetNodesRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNodesRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNodesRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetNodesRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNodesRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetNodesRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetNodesRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetNodesResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetNodesResponse", len)?;
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetNodesResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "nodes",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Nodes,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "nodes" => Ok(GeneratedField::Nodes),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetNodesResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetNodesResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetNodesResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut nodes__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetNodesResponse {
                    nodes: nodes__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetNodesResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetRolloutRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.GetRolloutRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetRolloutRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetRolloutRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetRolloutRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetRolloutRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetRolloutRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetRolloutRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetTopologyRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.GetTopologyRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetTopologyRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetTopologyRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetTopologyRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetTopologyRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(GetTopologyRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetTopologyRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetTopologyResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetTopologyResponse", len)?;
        if let Some(v) = self.topology.as_ref() {
            struct_ser.serialize_field("topology", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetTopologyResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "topology",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Topology,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "topology" => Ok(GeneratedField::Topology),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetTopologyResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetTopologyResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetTopologyResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut topology__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Topology => {
                            if topology__.is_some() {
                                return Err(serde::de::Error::duplicate_field("topology"));
                            }
                            topology__ = map_.next_value()?;
                        }
                    }
                }
                Ok(GetTopologyResponse {
                    topology: topology__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetTopologyResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetWorkloadsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetWorkloadsRequest", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetWorkloadsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetWorkloadsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetWorkloadsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetWorkloadsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetWorkloadsRequest {
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetWorkloadsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for GetWorkloadsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetWorkloadsResponse", len)?;
        if true {
            struct_ser.serialize_field("workloads", &self.workloads)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetWorkloadsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "workloads",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Workloads,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "workloads" => Ok(GeneratedField::Workloads),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetWorkloadsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetWorkloadsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetWorkloadsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut workloads__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Workloads => {
                            if workloads__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloads"));
                            }
                            workloads__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetWorkloadsResponse {
                    workloads: workloads__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetWorkloadsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Heartbeat {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Heartbeat", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("seq", ToString::to_string(&self.seq).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Heartbeat {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "seq",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Seq,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "seq" => Ok(GeneratedField::Seq),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Heartbeat;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Heartbeat")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Heartbeat, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut seq__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Seq => {
                            if seq__.is_some() {
                                return Err(serde::de::Error::duplicate_field("seq"));
                            }
                            seq__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(Heartbeat {
                    seq: seq__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Heartbeat", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for HeartbeatAck {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.HeartbeatAck", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("seq", ToString::to_string(&self.seq).as_str())?;
        }
        if true {
            let v = NodeState::try_from(self.state)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.state)))?;
            struct_ser.serialize_field("state", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for HeartbeatAck {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "seq",
            "state",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Seq,
            State,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "seq" => Ok(GeneratedField::Seq),
                            "state" => Ok(GeneratedField::State),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = HeartbeatAck;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.HeartbeatAck")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<HeartbeatAck, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut seq__ = None;
                let mut state__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Seq => {
                            if seq__.is_some() {
                                return Err(serde::de::Error::duplicate_field("seq"));
                            }
                            seq__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value::<NodeState>()? as i32);
                        }
                    }
                }
                Ok(HeartbeatAck {
                    seq: seq__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.HeartbeatAck", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for HeartbeatRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.HeartbeatRequest", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("seq", ToString::to_string(&self.seq).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for HeartbeatRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "seq",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Seq,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "seq" => Ok(GeneratedField::Seq),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = HeartbeatRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.HeartbeatRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<HeartbeatRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut seq__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Seq => {
                            if seq__.is_some() {
                                return Err(serde::de::Error::duplicate_field("seq"));
                            }
                            seq__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(HeartbeatRequest {
                    seq: seq__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.HeartbeatRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for HeartbeatResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.HeartbeatResponse", len)?;
        if true {
            let v = NodeState::try_from(self.state)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.state)))?;
            struct_ser.serialize_field("state", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for HeartbeatResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "state",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            State,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "state" => Ok(GeneratedField::State),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = HeartbeatResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.HeartbeatResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<HeartbeatResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut state__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value::<NodeState>()? as i32);
                        }
                    }
                }
                Ok(HeartbeatResponse {
                    state: state__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.HeartbeatResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Hello {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Hello", len)?;
        if let Some(v) = self.facts.as_ref() {
            struct_ser.serialize_field("facts", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("configVersion", ToString::to_string(&self.config_version).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Hello {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "facts",
            "config_version",
            "configVersion",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Facts,
            ConfigVersion,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "facts" => Ok(GeneratedField::Facts),
                            "configVersion" | "config_version" => Ok(GeneratedField::ConfigVersion),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Hello;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Hello")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Hello, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut facts__ = None;
                let mut config_version__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Facts => {
                            if facts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("facts"));
                            }
                            facts__ = map_.next_value()?;
                        }
                        GeneratedField::ConfigVersion => {
                            if config_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("configVersion"));
                            }
                            config_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(Hello {
                    facts: facts__,
                    config_version: config_version__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Hello", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListConfigHistoryRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.ListConfigHistoryRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListConfigHistoryRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListConfigHistoryRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ListConfigHistoryRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListConfigHistoryRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(ListConfigHistoryRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ListConfigHistoryRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListConfigHistoryResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ListConfigHistoryResponse", len)?;
        if true {
            struct_ser.serialize_field("entries", &self.entries)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListConfigHistoryResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "entries",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Entries,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "entries" => Ok(GeneratedField::Entries),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListConfigHistoryResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ListConfigHistoryResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListConfigHistoryResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut entries__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Entries => {
                            if entries__.is_some() {
                                return Err(serde::de::Error::duplicate_field("entries"));
                            }
                            entries__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListConfigHistoryResponse {
                    entries: entries__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ListConfigHistoryResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListEventsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ListEventsRequest", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            struct_ser.serialize_field("limit", &self.limit)?;
        }
        if true {
            struct_ser.serialize_field("types", &self.types)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListEventsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "limit",
            "types",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            Limit,
            Types,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "limit" => Ok(GeneratedField::Limit),
                            "types" => Ok(GeneratedField::Types),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListEventsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ListEventsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListEventsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut limit__ = None;
                let mut types__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Limit => {
                            if limit__.is_some() {
                                return Err(serde::de::Error::duplicate_field("limit"));
                            }
                            limit__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Types => {
                            if types__.is_some() {
                                return Err(serde::de::Error::duplicate_field("types"));
                            }
                            types__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListEventsRequest {
                    node: node__.unwrap_or_default(),
                    limit: limit__.unwrap_or_default(),
                    types: types__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ListEventsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListEventsResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ListEventsResponse", len)?;
        if true {
            struct_ser.serialize_field("events", &self.events)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListEventsResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "events",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Events,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "events" => Ok(GeneratedField::Events),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListEventsResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ListEventsResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListEventsResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut events__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Events => {
                            if events__.is_some() {
                                return Err(serde::de::Error::duplicate_field("events"));
                            }
                            events__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListEventsResponse {
                    events: events__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ListEventsResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListTokensRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let len = 0;
        let struct_ser = serializer.serialize_struct("piccolo.v1.ListTokensRequest", len)?;
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListTokensRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                            Err(serde::de::Error::unknown_field(value, FIELDS))
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListTokensRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ListTokensRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListTokensRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                while map_.next_key::<GeneratedField>()?.is_some() {
                    let _ = map_.next_value::<serde::de::IgnoredAny>()?;
                }
                Ok(ListTokensRequest {
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ListTokensRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ListTokensResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ListTokensResponse", len)?;
        if true {
            struct_ser.serialize_field("tokens", &self.tokens)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ListTokensResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "tokens",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Tokens,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "tokens" => Ok(GeneratedField::Tokens),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ListTokensResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ListTokensResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ListTokensResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut tokens__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Tokens => {
                            if tokens__.is_some() {
                                return Err(serde::de::Error::duplicate_field("tokens"));
                            }
                            tokens__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(ListTokensResponse {
                    tokens: tokens__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ListTokensResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Liveness {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if self.probe.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Liveness", len)?;
        if true {
            struct_ser.serialize_field("periodMs", &self.period_ms)?;
        }
        if true {
            struct_ser.serialize_field("failureThreshold", &self.failure_threshold)?;
        }
        if let Some(v) = self.probe.as_ref() {
            match v {
                liveness::Probe::Exec(v) => {
                    struct_ser.serialize_field("exec", v)?;
                }
                liveness::Probe::Http(v) => {
                    struct_ser.serialize_field("http", v)?;
                }
                liveness::Probe::Tcp(v) => {
                    struct_ser.serialize_field("tcp", v)?;
                }
            }
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Liveness {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "period_ms",
            "periodMs",
            "failure_threshold",
            "failureThreshold",
            "exec",
            "http",
            "tcp",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            PeriodMs,
            FailureThreshold,
            Exec,
            Http,
            Tcp,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "periodMs" | "period_ms" => Ok(GeneratedField::PeriodMs),
                            "failureThreshold" | "failure_threshold" => Ok(GeneratedField::FailureThreshold),
                            "exec" => Ok(GeneratedField::Exec),
                            "http" => Ok(GeneratedField::Http),
                            "tcp" => Ok(GeneratedField::Tcp),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Liveness;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Liveness")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Liveness, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut period_ms__ = None;
                let mut failure_threshold__ = None;
                let mut probe__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::PeriodMs => {
                            if period_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("periodMs"));
                            }
                            period_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::FailureThreshold => {
                            if failure_threshold__.is_some() {
                                return Err(serde::de::Error::duplicate_field("failureThreshold"));
                            }
                            failure_threshold__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Exec => {
                            if probe__.is_some() {
                                return Err(serde::de::Error::duplicate_field("exec"));
                            }
                            probe__ = map_.next_value::<::std::option::Option<_>>()?.map(liveness::Probe::Exec)
;
                        }
                        GeneratedField::Http => {
                            if probe__.is_some() {
                                return Err(serde::de::Error::duplicate_field("http"));
                            }
                            probe__ = map_.next_value::<::std::option::Option<_>>()?.map(liveness::Probe::Http);
                        }
                        GeneratedField::Tcp => {
                            if probe__.is_some() {
                                return Err(serde::de::Error::duplicate_field("tcp"));
                            }
                            probe__ = map_.next_value::<::std::option::Option<::pbjson::private::NumberDeserialize<_>>>()?.map(|x| liveness::Probe::Tcp(x.0));
                        }
                    }
                }
                Ok(Liveness {
                    period_ms: period_ms__.unwrap_or_default(),
                    failure_threshold: failure_threshold__.unwrap_or_default(),
                    probe: probe__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Liveness", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for LogChunk {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.LogChunk", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("id", ToString::to_string(&self.id).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("data", pbjson::private::base64::encode(&self.data).as_str())?;
        }
        if true {
            struct_ser.serialize_field("end", &self.end)?;
        }
        if true {
            struct_ser.serialize_field("error", &self.error)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for LogChunk {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "data",
            "end",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Data,
            End,
            Error,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "data" => Ok(GeneratedField::Data),
                            "end" => Ok(GeneratedField::End),
                            "error" => Ok(GeneratedField::Error),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = LogChunk;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.LogChunk")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<LogChunk, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut data__ = None;
                let mut end__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Data => {
                            if data__.is_some() {
                                return Err(serde::de::Error::duplicate_field("data"));
                            }
                            data__ = 
                                Some(map_.next_value::<::pbjson::private::BytesDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::End => {
                            if end__.is_some() {
                                return Err(serde::de::Error::duplicate_field("end"));
                            }
                            end__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(LogChunk {
                    id: id__.unwrap_or_default(),
                    data: data__.unwrap_or_default(),
                    end: end__.unwrap_or_default(),
                    error: error__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.LogChunk", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for LogsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.LogsRequest", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("id", ToString::to_string(&self.id).as_str())?;
        }
        if true {
            struct_ser.serialize_field("workload", &self.workload)?;
        }
        if true {
            struct_ser.serialize_field("tail", &self.tail)?;
        }
        if true {
            struct_ser.serialize_field("follow", &self.follow)?;
        }
        if true {
            struct_ser.serialize_field("cancel", &self.cancel)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for LogsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "workload",
            "tail",
            "follow",
            "cancel",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Workload,
            Tail,
            Follow,
            Cancel,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "workload" => Ok(GeneratedField::Workload),
                            "tail" => Ok(GeneratedField::Tail),
                            "follow" => Ok(GeneratedField::Follow),
                            "cancel" => Ok(GeneratedField::Cancel),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = LogsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.LogsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<LogsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut workload__ = None;
                let mut tail__ = None;
                let mut follow__ = None;
                let mut cancel__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Workload => {
                            if workload__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workload"));
                            }
                            workload__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Tail => {
                            if tail__.is_some() {
                                return Err(serde::de::Error::duplicate_field("tail"));
                            }
                            tail__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Follow => {
                            if follow__.is_some() {
                                return Err(serde::de::Error::duplicate_field("follow"));
                            }
                            follow__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Cancel => {
                            if cancel__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cancel"));
                            }
                            cancel__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(LogsRequest {
                    id: id__.unwrap_or_default(),
                    workload: workload__.unwrap_or_default(),
                    tail: tail__.unwrap_or_default(),
                    follow: follow__.unwrap_or_default(),
                    cancel: cancel__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.LogsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for MasterMessage {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if self.msg.is_some() {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.MasterMessage", len)?;
        if let Some(v) = self.msg.as_ref() {
            match v {
                master_message::Msg::HeartbeatAck(v) => {
                    struct_ser.serialize_field("heartbeatAck", v)?;
                }
                master_message::Msg::Config(v) => {
                    struct_ser.serialize_field("config", v)?;
                }
                master_message::Msg::Terminate(v) => {
                    struct_ser.serialize_field("terminate", v)?;
                }
                master_message::Msg::Command(v) => {
                    struct_ser.serialize_field("command", v)?;
                }
                master_message::Msg::ReplayAck(v) => {
                    struct_ser.serialize_field("replayAck", v)?;
                }
                master_message::Msg::Workloads(v) => {
                    struct_ser.serialize_field("workloads", v)?;
                }
                master_message::Msg::Logs(v) => {
                    struct_ser.serialize_field("logs", v)?;
                }
            }
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for MasterMessage {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "heartbeat_ack",
            "heartbeatAck",
            "config",
            "terminate",
            "command",
            "replay_ack",
            "replayAck",
            "workloads",
            "logs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            HeartbeatAck,
            Config,
            Terminate,
            Command,
            ReplayAck,
            Workloads,
            Logs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "heartbeatAck" | "heartbeat_ack" => Ok(GeneratedField::HeartbeatAck),
                            "config" => Ok(GeneratedField::Config),
                            "terminate" => Ok(GeneratedField::Terminate),
                            "command" => Ok(GeneratedField::Command),
                            "replayAck" | "replay_ack" => Ok(GeneratedField::ReplayAck),
                            "workloads" => Ok(GeneratedField::Workloads),
                            "logs" => Ok(GeneratedField::Logs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = MasterMessage;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.MasterMessage")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<MasterMessage, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut msg__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::HeartbeatAck => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("heartbeatAck"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(master_message::Msg::HeartbeatAck)
;
                        }
                        GeneratedField::Config => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(master_message::Msg::Config)
;
                        }
                        GeneratedField::Terminate => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("terminate"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(master_message::Msg::Terminate)
;
                        }
                        GeneratedField::Command => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("command"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(master_message::Msg::Command)
;
                        }
                        GeneratedField::ReplayAck => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("replayAck"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(master_message::Msg::ReplayAck)
;
                        }
                        GeneratedField::Workloads => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloads"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(master_message::Msg::Workloads)
;
                        }
                        GeneratedField::Logs => {
                            if msg__.is_some() {
                                return Err(serde::de::Error::duplicate_field("logs"));
                            }
                            msg__ = map_.next_value::<::std::option::Option<_>>()?.map(master_message::Msg::Logs)
;
                        }
                    }
                }
                Ok(MasterMessage {
                    msg: msg__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.MasterMessage", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Node {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Node", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("ip", &self.ip)?;
        }
        if true {
            let v = NodeRole::try_from(self.role)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.role)))?;
            struct_ser.serialize_field("role", &v)?;
        }
        if true {
            let v = NodeState::try_from(self.state)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.state)))?;
            struct_ser.serialize_field("state", &v)?;
        }
        if true {
            struct_ser.serialize_field("reason", &self.reason)?;
        }
        if let Some(v) = self.facts.as_ref() {
            struct_ser.serialize_field("facts", v)?;
        }
        if let Some(v) = self.resources.as_ref() {
            struct_ser.serialize_field("resources", v)?;
        }
        if true {
            struct_ser.serialize_field("labels", &self.labels)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("createdAtMs", ToString::to_string(&self.created_at_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("lastHeartbeatMs", ToString::to_string(&self.last_heartbeat_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("stateChangedAtMs", ToString::to_string(&self.state_changed_at_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("connected", &self.connected)?;
        }
        if true {
            struct_ser.serialize_field("certSerial", &self.cert_serial)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("certExpiresAtMs", ToString::to_string(&self.cert_expires_at_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("previousCertSerial", &self.previous_cert_serial)?;
        }
        if true {
            struct_ser.serialize_field("approved", &self.approved)?;
        }
        if true {
            struct_ser.serialize_field("cordoned", &self.cordoned)?;
        }
        if true {
            struct_ser.serialize_field("checks", &self.checks)?;
        }
        if true {
            struct_ser.serialize_field("containers", &self.containers)?;
        }
        if true {
            struct_ser.serialize_field("podmanAvailable", &self.podman_available)?;
        }
        if true {
            struct_ser.serialize_field("podmanError", &self.podman_error)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("configDesiredVersion", ToString::to_string(&self.config_desired_version).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("configAckedVersion", ToString::to_string(&self.config_acked_version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("configError", &self.config_error)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("offlineSinceMs", ToString::to_string(&self.offline_since_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("offlineUntilMs", ToString::to_string(&self.offline_until_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("offlineDropped", ToString::to_string(&self.offline_dropped).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("replayedThroughSeq", ToString::to_string(&self.replayed_through_seq).as_str())?;
        }
        if true {
            struct_ser.serialize_field("clusterAddress", &self.cluster_address)?;
        }
        if true {
            struct_ser.serialize_field("enrolKeySha256", &self.enrol_key_sha256)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Node {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "ip",
            "role",
            "state",
            "reason",
            "facts",
            "resources",
            "labels",
            "created_at_ms",
            "createdAtMs",
            "last_heartbeat_ms",
            "lastHeartbeatMs",
            "state_changed_at_ms",
            "stateChangedAtMs",
            "connected",
            "cert_serial",
            "certSerial",
            "cert_expires_at_ms",
            "certExpiresAtMs",
            "previous_cert_serial",
            "previousCertSerial",
            "approved",
            "cordoned",
            "checks",
            "containers",
            "podman_available",
            "podmanAvailable",
            "podman_error",
            "podmanError",
            "config_desired_version",
            "configDesiredVersion",
            "config_acked_version",
            "configAckedVersion",
            "config_error",
            "configError",
            "offline_since_ms",
            "offlineSinceMs",
            "offline_until_ms",
            "offlineUntilMs",
            "offline_dropped",
            "offlineDropped",
            "replayed_through_seq",
            "replayedThroughSeq",
            "cluster_address",
            "clusterAddress",
            "enrol_key_sha256",
            "enrolKeySha256",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Ip,
            Role,
            State,
            Reason,
            Facts,
            Resources,
            Labels,
            CreatedAtMs,
            LastHeartbeatMs,
            StateChangedAtMs,
            Connected,
            CertSerial,
            CertExpiresAtMs,
            PreviousCertSerial,
            Approved,
            Cordoned,
            Checks,
            Containers,
            PodmanAvailable,
            PodmanError,
            ConfigDesiredVersion,
            ConfigAckedVersion,
            ConfigError,
            OfflineSinceMs,
            OfflineUntilMs,
            OfflineDropped,
            ReplayedThroughSeq,
            ClusterAddress,
            EnrolKeySha256,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "ip" => Ok(GeneratedField::Ip),
                            "role" => Ok(GeneratedField::Role),
                            "state" => Ok(GeneratedField::State),
                            "reason" => Ok(GeneratedField::Reason),
                            "facts" => Ok(GeneratedField::Facts),
                            "resources" => Ok(GeneratedField::Resources),
                            "labels" => Ok(GeneratedField::Labels),
                            "createdAtMs" | "created_at_ms" => Ok(GeneratedField::CreatedAtMs),
                            "lastHeartbeatMs" | "last_heartbeat_ms" => Ok(GeneratedField::LastHeartbeatMs),
                            "stateChangedAtMs" | "state_changed_at_ms" => Ok(GeneratedField::StateChangedAtMs),
                            "connected" => Ok(GeneratedField::Connected),
                            "certSerial" | "cert_serial" => Ok(GeneratedField::CertSerial),
                            "certExpiresAtMs" | "cert_expires_at_ms" => Ok(GeneratedField::CertExpiresAtMs),
                            "previousCertSerial" | "previous_cert_serial" => Ok(GeneratedField::PreviousCertSerial),
                            "approved" => Ok(GeneratedField::Approved),
                            "cordoned" => Ok(GeneratedField::Cordoned),
                            "checks" => Ok(GeneratedField::Checks),
                            "containers" => Ok(GeneratedField::Containers),
                            "podmanAvailable" | "podman_available" => Ok(GeneratedField::PodmanAvailable),
                            "podmanError" | "podman_error" => Ok(GeneratedField::PodmanError),
                            "configDesiredVersion" | "config_desired_version" => Ok(GeneratedField::ConfigDesiredVersion),
                            "configAckedVersion" | "config_acked_version" => Ok(GeneratedField::ConfigAckedVersion),
                            "configError" | "config_error" => Ok(GeneratedField::ConfigError),
                            "offlineSinceMs" | "offline_since_ms" => Ok(GeneratedField::OfflineSinceMs),
                            "offlineUntilMs" | "offline_until_ms" => Ok(GeneratedField::OfflineUntilMs),
                            "offlineDropped" | "offline_dropped" => Ok(GeneratedField::OfflineDropped),
                            "replayedThroughSeq" | "replayed_through_seq" => Ok(GeneratedField::ReplayedThroughSeq),
                            "clusterAddress" | "cluster_address" => Ok(GeneratedField::ClusterAddress),
                            "enrolKeySha256" | "enrol_key_sha256" => Ok(GeneratedField::EnrolKeySha256),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Node;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Node")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Node, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut ip__ = None;
                let mut role__ = None;
                let mut state__ = None;
                let mut reason__ = None;
                let mut facts__ = None;
                let mut resources__ = None;
                let mut labels__ = None;
                let mut created_at_ms__ = None;
                let mut last_heartbeat_ms__ = None;
                let mut state_changed_at_ms__ = None;
                let mut connected__ = None;
                let mut cert_serial__ = None;
                let mut cert_expires_at_ms__ = None;
                let mut previous_cert_serial__ = None;
                let mut approved__ = None;
                let mut cordoned__ = None;
                let mut checks__ = None;
                let mut containers__ = None;
                let mut podman_available__ = None;
                let mut podman_error__ = None;
                let mut config_desired_version__ = None;
                let mut config_acked_version__ = None;
                let mut config_error__ = None;
                let mut offline_since_ms__ = None;
                let mut offline_until_ms__ = None;
                let mut offline_dropped__ = None;
                let mut replayed_through_seq__ = None;
                let mut cluster_address__ = None;
                let mut enrol_key_sha256__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Ip => {
                            if ip__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ip"));
                            }
                            ip__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Role => {
                            if role__.is_some() {
                                return Err(serde::de::Error::duplicate_field("role"));
                            }
                            role__ = Some(map_.next_value::<NodeRole>()? as i32);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value::<NodeState>()? as i32);
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Facts => {
                            if facts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("facts"));
                            }
                            facts__ = map_.next_value()?;
                        }
                        GeneratedField::Resources => {
                            if resources__.is_some() {
                                return Err(serde::de::Error::duplicate_field("resources"));
                            }
                            resources__ = map_.next_value()?;
                        }
                        GeneratedField::Labels => {
                            if labels__.is_some() {
                                return Err(serde::de::Error::duplicate_field("labels"));
                            }
                            labels__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::CreatedAtMs => {
                            if created_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdAtMs"));
                            }
                            created_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::LastHeartbeatMs => {
                            if last_heartbeat_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastHeartbeatMs"));
                            }
                            last_heartbeat_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::StateChangedAtMs => {
                            if state_changed_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("stateChangedAtMs"));
                            }
                            state_changed_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Connected => {
                            if connected__.is_some() {
                                return Err(serde::de::Error::duplicate_field("connected"));
                            }
                            connected__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CertSerial => {
                            if cert_serial__.is_some() {
                                return Err(serde::de::Error::duplicate_field("certSerial"));
                            }
                            cert_serial__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CertExpiresAtMs => {
                            if cert_expires_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("certExpiresAtMs"));
                            }
                            cert_expires_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::PreviousCertSerial => {
                            if previous_cert_serial__.is_some() {
                                return Err(serde::de::Error::duplicate_field("previousCertSerial"));
                            }
                            previous_cert_serial__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Approved => {
                            if approved__.is_some() {
                                return Err(serde::de::Error::duplicate_field("approved"));
                            }
                            approved__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Cordoned => {
                            if cordoned__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cordoned"));
                            }
                            cordoned__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Checks => {
                            if checks__.is_some() {
                                return Err(serde::de::Error::duplicate_field("checks"));
                            }
                            checks__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Containers => {
                            if containers__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containers"));
                            }
                            containers__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PodmanAvailable => {
                            if podman_available__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podmanAvailable"));
                            }
                            podman_available__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PodmanError => {
                            if podman_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podmanError"));
                            }
                            podman_error__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ConfigDesiredVersion => {
                            if config_desired_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("configDesiredVersion"));
                            }
                            config_desired_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ConfigAckedVersion => {
                            if config_acked_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("configAckedVersion"));
                            }
                            config_acked_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ConfigError => {
                            if config_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("configError"));
                            }
                            config_error__ = Some(map_.next_value()?);
                        }
                        GeneratedField::OfflineSinceMs => {
                            if offline_since_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offlineSinceMs"));
                            }
                            offline_since_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::OfflineUntilMs => {
                            if offline_until_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offlineUntilMs"));
                            }
                            offline_until_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::OfflineDropped => {
                            if offline_dropped__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offlineDropped"));
                            }
                            offline_dropped__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ReplayedThroughSeq => {
                            if replayed_through_seq__.is_some() {
                                return Err(serde::de::Error::duplicate_field("replayedThroughSeq"));
                            }
                            replayed_through_seq__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ClusterAddress => {
                            if cluster_address__.is_some() {
                                return Err(serde::de::Error::duplicate_field("clusterAddress"));
                            }
                            cluster_address__ = Some(map_.next_value()?);
                        }
                        GeneratedField::EnrolKeySha256 => {
                            if enrol_key_sha256__.is_some() {
                                return Err(serde::de::Error::duplicate_field("enrolKeySha256"));
                            }
                            enrol_key_sha256__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(Node {
                    name: name__.unwrap_or_default(),
                    ip: ip__.unwrap_or_default(),
                    role: role__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    reason: reason__.unwrap_or_default(),
                    facts: facts__,
                    resources: resources__,
                    labels: labels__.unwrap_or_default(),
                    created_at_ms: created_at_ms__.unwrap_or_default(),
                    last_heartbeat_ms: last_heartbeat_ms__.unwrap_or_default(),
                    state_changed_at_ms: state_changed_at_ms__.unwrap_or_default(),
                    connected: connected__.unwrap_or_default(),
                    cert_serial: cert_serial__.unwrap_or_default(),
                    cert_expires_at_ms: cert_expires_at_ms__.unwrap_or_default(),
                    previous_cert_serial: previous_cert_serial__.unwrap_or_default(),
                    approved: approved__.unwrap_or_default(),
                    cordoned: cordoned__.unwrap_or_default(),
                    checks: checks__.unwrap_or_default(),
                    containers: containers__.unwrap_or_default(),
                    podman_available: podman_available__.unwrap_or_default(),
                    podman_error: podman_error__.unwrap_or_default(),
                    config_desired_version: config_desired_version__.unwrap_or_default(),
                    config_acked_version: config_acked_version__.unwrap_or_default(),
                    config_error: config_error__.unwrap_or_default(),
                    offline_since_ms: offline_since_ms__.unwrap_or_default(),
                    offline_until_ms: offline_until_ms__.unwrap_or_default(),
                    offline_dropped: offline_dropped__.unwrap_or_default(),
                    replayed_through_seq: replayed_through_seq__.unwrap_or_default(),
                    cluster_address: cluster_address__.unwrap_or_default(),
                    enrol_key_sha256: enrol_key_sha256__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Node", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NodeActionResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.NodeActionResponse", len)?;
        if let Some(v) = self.node.as_ref() {
            struct_ser.serialize_field("node", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NodeActionResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NodeActionResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.NodeActionResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NodeActionResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = map_.next_value()?;
                        }
                    }
                }
                Ok(NodeActionResponse {
                    node: node__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.NodeActionResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NodeConfigStatus {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.NodeConfigStatus", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("desiredVersion", ToString::to_string(&self.desired_version).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("ackedVersion", ToString::to_string(&self.acked_version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("error", &self.error)?;
        }
        if true {
            struct_ser.serialize_field("connected", &self.connected)?;
        }
        if true {
            struct_ser.serialize_field("hasOverride", &self.has_override)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NodeConfigStatus {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "desired_version",
            "desiredVersion",
            "acked_version",
            "ackedVersion",
            "error",
            "connected",
            "has_override",
            "hasOverride",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            DesiredVersion,
            AckedVersion,
            Error,
            Connected,
            HasOverride,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "desiredVersion" | "desired_version" => Ok(GeneratedField::DesiredVersion),
                            "ackedVersion" | "acked_version" => Ok(GeneratedField::AckedVersion),
                            "error" => Ok(GeneratedField::Error),
                            "connected" => Ok(GeneratedField::Connected),
                            "hasOverride" | "has_override" => Ok(GeneratedField::HasOverride),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NodeConfigStatus;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.NodeConfigStatus")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NodeConfigStatus, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut desired_version__ = None;
                let mut acked_version__ = None;
                let mut error__ = None;
                let mut connected__ = None;
                let mut has_override__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::DesiredVersion => {
                            if desired_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("desiredVersion"));
                            }
                            desired_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::AckedVersion => {
                            if acked_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ackedVersion"));
                            }
                            acked_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Connected => {
                            if connected__.is_some() {
                                return Err(serde::de::Error::duplicate_field("connected"));
                            }
                            connected__ = Some(map_.next_value()?);
                        }
                        GeneratedField::HasOverride => {
                            if has_override__.is_some() {
                                return Err(serde::de::Error::duplicate_field("hasOverride"));
                            }
                            has_override__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(NodeConfigStatus {
                    node: node__.unwrap_or_default(),
                    desired_version: desired_version__.unwrap_or_default(),
                    acked_version: acked_version__.unwrap_or_default(),
                    error: error__.unwrap_or_default(),
                    connected: connected__.unwrap_or_default(),
                    has_override: has_override__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.NodeConfigStatus", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NodeContainers {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.NodeContainers", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            struct_ser.serialize_field("podmanAvailable", &self.podman_available)?;
        }
        if true {
            struct_ser.serialize_field("podmanError", &self.podman_error)?;
        }
        if true {
            struct_ser.serialize_field("containers", &self.containers)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NodeContainers {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "podman_available",
            "podmanAvailable",
            "podman_error",
            "podmanError",
            "containers",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            PodmanAvailable,
            PodmanError,
            Containers,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "podmanAvailable" | "podman_available" => Ok(GeneratedField::PodmanAvailable),
                            "podmanError" | "podman_error" => Ok(GeneratedField::PodmanError),
                            "containers" => Ok(GeneratedField::Containers),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NodeContainers;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.NodeContainers")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NodeContainers, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut podman_available__ = None;
                let mut podman_error__ = None;
                let mut containers__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PodmanAvailable => {
                            if podman_available__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podmanAvailable"));
                            }
                            podman_available__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PodmanError => {
                            if podman_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podmanError"));
                            }
                            podman_error__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Containers => {
                            if containers__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containers"));
                            }
                            containers__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(NodeContainers {
                    node: node__.unwrap_or_default(),
                    podman_available: podman_available__.unwrap_or_default(),
                    podman_error: podman_error__.unwrap_or_default(),
                    containers: containers__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.NodeContainers", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NodeFacts {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.NodeFacts", len)?;
        if true {
            struct_ser.serialize_field("hostname", &self.hostname)?;
        }
        if true {
            struct_ser.serialize_field("ips", &self.ips)?;
        }
        if true {
            struct_ser.serialize_field("arch", &self.arch)?;
        }
        if true {
            struct_ser.serialize_field("os", &self.os)?;
        }
        if true {
            struct_ser.serialize_field("kernel", &self.kernel)?;
        }
        if true {
            struct_ser.serialize_field("cpuCount", &self.cpu_count)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memoryBytes", ToString::to_string(&self.memory_bytes).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("diskBytes", ToString::to_string(&self.disk_bytes).as_str())?;
        }
        if true {
            struct_ser.serialize_field("agentVersion", &self.agent_version)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NodeFacts {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "hostname",
            "ips",
            "arch",
            "os",
            "kernel",
            "cpu_count",
            "cpuCount",
            "memory_bytes",
            "memoryBytes",
            "disk_bytes",
            "diskBytes",
            "agent_version",
            "agentVersion",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Hostname,
            Ips,
            Arch,
            Os,
            Kernel,
            CpuCount,
            MemoryBytes,
            DiskBytes,
            AgentVersion,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "hostname" => Ok(GeneratedField::Hostname),
                            "ips" => Ok(GeneratedField::Ips),
                            "arch" => Ok(GeneratedField::Arch),
                            "os" => Ok(GeneratedField::Os),
                            "kernel" => Ok(GeneratedField::Kernel),
                            "cpuCount" | "cpu_count" => Ok(GeneratedField::CpuCount),
                            "memoryBytes" | "memory_bytes" => Ok(GeneratedField::MemoryBytes),
                            "diskBytes" | "disk_bytes" => Ok(GeneratedField::DiskBytes),
                            "agentVersion" | "agent_version" => Ok(GeneratedField::AgentVersion),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NodeFacts;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.NodeFacts")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NodeFacts, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut hostname__ = None;
                let mut ips__ = None;
                let mut arch__ = None;
                let mut os__ = None;
                let mut kernel__ = None;
                let mut cpu_count__ = None;
                let mut memory_bytes__ = None;
                let mut disk_bytes__ = None;
                let mut agent_version__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Hostname => {
                            if hostname__.is_some() {
                                return Err(serde::de::Error::duplicate_field("hostname"));
                            }
                            hostname__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Ips => {
                            if ips__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ips"));
                            }
                            ips__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Arch => {
                            if arch__.is_some() {
                                return Err(serde::de::Error::duplicate_field("arch"));
                            }
                            arch__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Os => {
                            if os__.is_some() {
                                return Err(serde::de::Error::duplicate_field("os"));
                            }
                            os__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Kernel => {
                            if kernel__.is_some() {
                                return Err(serde::de::Error::duplicate_field("kernel"));
                            }
                            kernel__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CpuCount => {
                            if cpu_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cpuCount"));
                            }
                            cpu_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::MemoryBytes => {
                            if memory_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("memoryBytes"));
                            }
                            memory_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::DiskBytes => {
                            if disk_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("diskBytes"));
                            }
                            disk_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::AgentVersion => {
                            if agent_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("agentVersion"));
                            }
                            agent_version__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(NodeFacts {
                    hostname: hostname__.unwrap_or_default(),
                    ips: ips__.unwrap_or_default(),
                    arch: arch__.unwrap_or_default(),
                    os: os__.unwrap_or_default(),
                    kernel: kernel__.unwrap_or_default(),
                    cpu_count: cpu_count__.unwrap_or_default(),
                    memory_bytes: memory_bytes__.unwrap_or_default(),
                    disk_bytes: disk_bytes__.unwrap_or_default(),
                    agent_version: agent_version__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.NodeFacts", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NodeNameRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.NodeNameRequest", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NodeNameRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NodeNameRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.NodeNameRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NodeNameRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(NodeNameRequest {
                    name: name__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.NodeNameRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NodeRegistrationRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.NodeRegistrationRequest", len)?;
        if true {
            struct_ser.serialize_field("token", &self.token)?;
        }
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("csrPem", &self.csr_pem)?;
        }
        if let Some(v) = self.facts.as_ref() {
            struct_ser.serialize_field("facts", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NodeRegistrationRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "token",
            "name",
            "csr_pem",
            "csrPem",
            "facts",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Token,
            Name,
            CsrPem,
            Facts,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "token" => Ok(GeneratedField::Token),
                            "name" => Ok(GeneratedField::Name),
                            "csrPem" | "csr_pem" => Ok(GeneratedField::CsrPem),
                            "facts" => Ok(GeneratedField::Facts),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NodeRegistrationRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.NodeRegistrationRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NodeRegistrationRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut token__ = None;
                let mut name__ = None;
                let mut csr_pem__ = None;
                let mut facts__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Token => {
                            if token__.is_some() {
                                return Err(serde::de::Error::duplicate_field("token"));
                            }
                            token__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CsrPem => {
                            if csr_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("csrPem"));
                            }
                            csr_pem__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Facts => {
                            if facts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("facts"));
                            }
                            facts__ = map_.next_value()?;
                        }
                    }
                }
                Ok(NodeRegistrationRequest {
                    token: token__.unwrap_or_default(),
                    name: name__.unwrap_or_default(),
                    csr_pem: csr_pem__.unwrap_or_default(),
                    facts: facts__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.NodeRegistrationRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NodeRegistrationResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.NodeRegistrationResponse", len)?;
        if true {
            struct_ser.serialize_field("nodeName", &self.node_name)?;
        }
        if true {
            struct_ser.serialize_field("certificatePem", &self.certificate_pem)?;
        }
        if true {
            struct_ser.serialize_field("caCertificatePem", &self.ca_certificate_pem)?;
        }
        if true {
            let v = NodeState::try_from(self.state)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.state)))?;
            struct_ser.serialize_field("state", &v)?;
        }
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("certificateExpiresAtMs", ToString::to_string(&self.certificate_expires_at_ms).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NodeRegistrationResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node_name",
            "nodeName",
            "certificate_pem",
            "certificatePem",
            "ca_certificate_pem",
            "caCertificatePem",
            "state",
            "config",
            "certificate_expires_at_ms",
            "certificateExpiresAtMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            NodeName,
            CertificatePem,
            CaCertificatePem,
            State,
            Config,
            CertificateExpiresAtMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "nodeName" | "node_name" => Ok(GeneratedField::NodeName),
                            "certificatePem" | "certificate_pem" => Ok(GeneratedField::CertificatePem),
                            "caCertificatePem" | "ca_certificate_pem" => Ok(GeneratedField::CaCertificatePem),
                            "state" => Ok(GeneratedField::State),
                            "config" => Ok(GeneratedField::Config),
                            "certificateExpiresAtMs" | "certificate_expires_at_ms" => Ok(GeneratedField::CertificateExpiresAtMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NodeRegistrationResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.NodeRegistrationResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NodeRegistrationResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node_name__ = None;
                let mut certificate_pem__ = None;
                let mut ca_certificate_pem__ = None;
                let mut state__ = None;
                let mut config__ = None;
                let mut certificate_expires_at_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::NodeName => {
                            if node_name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodeName"));
                            }
                            node_name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CertificatePem => {
                            if certificate_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("certificatePem"));
                            }
                            certificate_pem__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CaCertificatePem => {
                            if ca_certificate_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("caCertificatePem"));
                            }
                            ca_certificate_pem__ = Some(map_.next_value()?);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value::<NodeState>()? as i32);
                        }
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                        GeneratedField::CertificateExpiresAtMs => {
                            if certificate_expires_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("certificateExpiresAtMs"));
                            }
                            certificate_expires_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(NodeRegistrationResponse {
                    node_name: node_name__.unwrap_or_default(),
                    certificate_pem: certificate_pem__.unwrap_or_default(),
                    ca_certificate_pem: ca_certificate_pem__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    config: config__,
                    certificate_expires_at_ms: certificate_expires_at_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.NodeRegistrationResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for NodeRole {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "NODE_ROLE_UNSPECIFIED",
            Self::Sub => "NODE_ROLE_SUB",
            Self::Master => "NODE_ROLE_MASTER",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for NodeRole {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "NODE_ROLE_UNSPECIFIED",
            "NODE_ROLE_SUB",
            "NODE_ROLE_MASTER",
        ];

        struct GeneratedVisitor;

        impl serde::de::Visitor<'_> for GeneratedVisitor {
            type Value = NodeRole;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "NODE_ROLE_UNSPECIFIED" => Ok(NodeRole::Unspecified),
                    "NODE_ROLE_SUB" => Ok(NodeRole::Sub),
                    "NODE_ROLE_MASTER" => Ok(NodeRole::Master),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for NodeState {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "NODE_STATE_UNSPECIFIED",
            Self::Pending => "NODE_STATE_PENDING",
            Self::Initializing => "NODE_STATE_INITIALIZING",
            Self::Ready => "NODE_STATE_READY",
            Self::NotReady => "NODE_STATE_NOT_READY",
            Self::Maintenance => "NODE_STATE_MAINTENANCE",
            Self::Terminating => "NODE_STATE_TERMINATING",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for NodeState {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "NODE_STATE_UNSPECIFIED",
            "NODE_STATE_PENDING",
            "NODE_STATE_INITIALIZING",
            "NODE_STATE_READY",
            "NODE_STATE_NOT_READY",
            "NODE_STATE_MAINTENANCE",
            "NODE_STATE_TERMINATING",
        ];

        struct GeneratedVisitor;

        impl serde::de::Visitor<'_> for GeneratedVisitor {
            type Value = NodeState;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "NODE_STATE_UNSPECIFIED" => Ok(NodeState::Unspecified),
                    "NODE_STATE_PENDING" => Ok(NodeState::Pending),
                    "NODE_STATE_INITIALIZING" => Ok(NodeState::Initializing),
                    "NODE_STATE_READY" => Ok(NodeState::Ready),
                    "NODE_STATE_NOT_READY" => Ok(NodeState::NotReady),
                    "NODE_STATE_MAINTENANCE" => Ok(NodeState::Maintenance),
                    "NODE_STATE_TERMINATING" => Ok(NodeState::Terminating),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for NodeWatchEvent {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.NodeWatchEvent", len)?;
        if true {
            let v = node_watch_event::Kind::try_from(self.kind)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.kind)))?;
            struct_ser.serialize_field("kind", &v)?;
        }
        if let Some(v) = self.node.as_ref() {
            struct_ser.serialize_field("node", v)?;
        }
        if let Some(v) = self.event.as_ref() {
            struct_ser.serialize_field("event", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for NodeWatchEvent {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "kind",
            "node",
            "event",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Kind,
            Node,
            Event,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "kind" => Ok(GeneratedField::Kind),
                            "node" => Ok(GeneratedField::Node),
                            "event" => Ok(GeneratedField::Event),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = NodeWatchEvent;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.NodeWatchEvent")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<NodeWatchEvent, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut kind__ = None;
                let mut node__ = None;
                let mut event__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Kind => {
                            if kind__.is_some() {
                                return Err(serde::de::Error::duplicate_field("kind"));
                            }
                            kind__ = Some(map_.next_value::<node_watch_event::Kind>()? as i32);
                        }
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = map_.next_value()?;
                        }
                        GeneratedField::Event => {
                            if event__.is_some() {
                                return Err(serde::de::Error::duplicate_field("event"));
                            }
                            event__ = map_.next_value()?;
                        }
                    }
                }
                Ok(NodeWatchEvent {
                    kind: kind__.unwrap_or_default(),
                    node: node__,
                    event: event__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.NodeWatchEvent", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for node_watch_event::Kind {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "KIND_UNSPECIFIED",
            Self::Added => "KIND_ADDED",
            Self::Modified => "KIND_MODIFIED",
            Self::Deleted => "KIND_DELETED",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for node_watch_event::Kind {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "KIND_UNSPECIFIED",
            "KIND_ADDED",
            "KIND_MODIFIED",
            "KIND_DELETED",
        ];

        struct GeneratedVisitor;

        impl serde::de::Visitor<'_> for GeneratedVisitor {
            type Value = node_watch_event::Kind;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "KIND_UNSPECIFIED" => Ok(node_watch_event::Kind::Unspecified),
                    "KIND_ADDED" => Ok(node_watch_event::Kind::Added),
                    "KIND_MODIFIED" => Ok(node_watch_event::Kind::Modified),
                    "KIND_DELETED" => Ok(node_watch_event::Kind::Deleted),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for OfflineReplay {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.OfflineReplay", len)?;
        if true {
            struct_ser.serialize_field("entries", &self.entries)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("dropped", ToString::to_string(&self.dropped).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("offlineSinceMs", ToString::to_string(&self.offline_since_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("offlineUntilMs", ToString::to_string(&self.offline_until_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("last", &self.last)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for OfflineReplay {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "entries",
            "dropped",
            "offline_since_ms",
            "offlineSinceMs",
            "offline_until_ms",
            "offlineUntilMs",
            "last",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Entries,
            Dropped,
            OfflineSinceMs,
            OfflineUntilMs,
            Last,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "entries" => Ok(GeneratedField::Entries),
                            "dropped" => Ok(GeneratedField::Dropped),
                            "offlineSinceMs" | "offline_since_ms" => Ok(GeneratedField::OfflineSinceMs),
                            "offlineUntilMs" | "offline_until_ms" => Ok(GeneratedField::OfflineUntilMs),
                            "last" => Ok(GeneratedField::Last),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = OfflineReplay;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.OfflineReplay")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<OfflineReplay, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut entries__ = None;
                let mut dropped__ = None;
                let mut offline_since_ms__ = None;
                let mut offline_until_ms__ = None;
                let mut last__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Entries => {
                            if entries__.is_some() {
                                return Err(serde::de::Error::duplicate_field("entries"));
                            }
                            entries__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Dropped => {
                            if dropped__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dropped"));
                            }
                            dropped__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::OfflineSinceMs => {
                            if offline_since_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offlineSinceMs"));
                            }
                            offline_since_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::OfflineUntilMs => {
                            if offline_until_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offlineUntilMs"));
                            }
                            offline_until_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Last => {
                            if last__.is_some() {
                                return Err(serde::de::Error::duplicate_field("last"));
                            }
                            last__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(OfflineReplay {
                    entries: entries__.unwrap_or_default(),
                    dropped: dropped__.unwrap_or_default(),
                    offline_since_ms: offline_since_ms__.unwrap_or_default(),
                    offline_until_ms: offline_until_ms__.unwrap_or_default(),
                    last: last__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.OfflineReplay", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for RenewCertificateRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.RenewCertificateRequest", len)?;
        if true {
            struct_ser.serialize_field("csrPem", &self.csr_pem)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for RenewCertificateRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "csr_pem",
            "csrPem",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            CsrPem,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "csrPem" | "csr_pem" => Ok(GeneratedField::CsrPem),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = RenewCertificateRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.RenewCertificateRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<RenewCertificateRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut csr_pem__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::CsrPem => {
                            if csr_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("csrPem"));
                            }
                            csr_pem__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(RenewCertificateRequest {
                    csr_pem: csr_pem__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.RenewCertificateRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for RenewCertificateResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.RenewCertificateResponse", len)?;
        if true {
            struct_ser.serialize_field("certificatePem", &self.certificate_pem)?;
        }
        if true {
            struct_ser.serialize_field("caCertificatePem", &self.ca_certificate_pem)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("certificateExpiresAtMs", ToString::to_string(&self.certificate_expires_at_ms).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for RenewCertificateResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "certificate_pem",
            "certificatePem",
            "ca_certificate_pem",
            "caCertificatePem",
            "certificate_expires_at_ms",
            "certificateExpiresAtMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            CertificatePem,
            CaCertificatePem,
            CertificateExpiresAtMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "certificatePem" | "certificate_pem" => Ok(GeneratedField::CertificatePem),
                            "caCertificatePem" | "ca_certificate_pem" => Ok(GeneratedField::CaCertificatePem),
                            "certificateExpiresAtMs" | "certificate_expires_at_ms" => Ok(GeneratedField::CertificateExpiresAtMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = RenewCertificateResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.RenewCertificateResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<RenewCertificateResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut certificate_pem__ = None;
                let mut ca_certificate_pem__ = None;
                let mut certificate_expires_at_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::CertificatePem => {
                            if certificate_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("certificatePem"));
                            }
                            certificate_pem__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CaCertificatePem => {
                            if ca_certificate_pem__.is_some() {
                                return Err(serde::de::Error::duplicate_field("caCertificatePem"));
                            }
                            ca_certificate_pem__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CertificateExpiresAtMs => {
                            if certificate_expires_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("certificateExpiresAtMs"));
                            }
                            certificate_expires_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(RenewCertificateResponse {
                    certificate_pem: certificate_pem__.unwrap_or_default(),
                    ca_certificate_pem: ca_certificate_pem__.unwrap_or_default(),
                    certificate_expires_at_ms: certificate_expires_at_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.RenewCertificateResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for ReplayAck {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.ReplayAck", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("throughSeq", ToString::to_string(&self.through_seq).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for ReplayAck {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "through_seq",
            "throughSeq",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            ThroughSeq,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "throughSeq" | "through_seq" => Ok(GeneratedField::ThroughSeq),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = ReplayAck;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.ReplayAck")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<ReplayAck, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut through_seq__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::ThroughSeq => {
                            if through_seq__.is_some() {
                                return Err(serde::de::Error::duplicate_field("throughSeq"));
                            }
                            through_seq__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(ReplayAck {
                    through_seq: through_seq__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.ReplayAck", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Resources {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Resources", len)?;
        if true {
            struct_ser.serialize_field("cpuPercent", &self.cpu_percent)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memoryUsedBytes", ToString::to_string(&self.memory_used_bytes).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memoryTotalBytes", ToString::to_string(&self.memory_total_bytes).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("diskUsedBytes", ToString::to_string(&self.disk_used_bytes).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("diskTotalBytes", ToString::to_string(&self.disk_total_bytes).as_str())?;
        }
        if true {
            struct_ser.serialize_field("load1", &self.load1)?;
        }
        if true {
            struct_ser.serialize_field("load5", &self.load5)?;
        }
        if true {
            struct_ser.serialize_field("load15", &self.load15)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("uptimeSeconds", ToString::to_string(&self.uptime_seconds).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("sampledAtMs", ToString::to_string(&self.sampled_at_ms).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Resources {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "cpu_percent",
            "cpuPercent",
            "memory_used_bytes",
            "memoryUsedBytes",
            "memory_total_bytes",
            "memoryTotalBytes",
            "disk_used_bytes",
            "diskUsedBytes",
            "disk_total_bytes",
            "diskTotalBytes",
            "load1",
            "load5",
            "load15",
            "uptime_seconds",
            "uptimeSeconds",
            "sampled_at_ms",
            "sampledAtMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            CpuPercent,
            MemoryUsedBytes,
            MemoryTotalBytes,
            DiskUsedBytes,
            DiskTotalBytes,
            Load1,
            Load5,
            Load15,
            UptimeSeconds,
            SampledAtMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "cpuPercent" | "cpu_percent" => Ok(GeneratedField::CpuPercent),
                            "memoryUsedBytes" | "memory_used_bytes" => Ok(GeneratedField::MemoryUsedBytes),
                            "memoryTotalBytes" | "memory_total_bytes" => Ok(GeneratedField::MemoryTotalBytes),
                            "diskUsedBytes" | "disk_used_bytes" => Ok(GeneratedField::DiskUsedBytes),
                            "diskTotalBytes" | "disk_total_bytes" => Ok(GeneratedField::DiskTotalBytes),
                            "load1" => Ok(GeneratedField::Load1),
                            "load5" => Ok(GeneratedField::Load5),
                            "load15" => Ok(GeneratedField::Load15),
                            "uptimeSeconds" | "uptime_seconds" => Ok(GeneratedField::UptimeSeconds),
                            "sampledAtMs" | "sampled_at_ms" => Ok(GeneratedField::SampledAtMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Resources;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Resources")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Resources, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut cpu_percent__ = None;
                let mut memory_used_bytes__ = None;
                let mut memory_total_bytes__ = None;
                let mut disk_used_bytes__ = None;
                let mut disk_total_bytes__ = None;
                let mut load1__ = None;
                let mut load5__ = None;
                let mut load15__ = None;
                let mut uptime_seconds__ = None;
                let mut sampled_at_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::CpuPercent => {
                            if cpu_percent__.is_some() {
                                return Err(serde::de::Error::duplicate_field("cpuPercent"));
                            }
                            cpu_percent__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::MemoryUsedBytes => {
                            if memory_used_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("memoryUsedBytes"));
                            }
                            memory_used_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::MemoryTotalBytes => {
                            if memory_total_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("memoryTotalBytes"));
                            }
                            memory_total_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::DiskUsedBytes => {
                            if disk_used_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("diskUsedBytes"));
                            }
                            disk_used_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::DiskTotalBytes => {
                            if disk_total_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("diskTotalBytes"));
                            }
                            disk_total_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Load1 => {
                            if load1__.is_some() {
                                return Err(serde::de::Error::duplicate_field("load1"));
                            }
                            load1__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Load5 => {
                            if load5__.is_some() {
                                return Err(serde::de::Error::duplicate_field("load5"));
                            }
                            load5__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Load15 => {
                            if load15__.is_some() {
                                return Err(serde::de::Error::duplicate_field("load15"));
                            }
                            load15__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::UptimeSeconds => {
                            if uptime_seconds__.is_some() {
                                return Err(serde::de::Error::duplicate_field("uptimeSeconds"));
                            }
                            uptime_seconds__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::SampledAtMs => {
                            if sampled_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("sampledAtMs"));
                            }
                            sampled_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(Resources {
                    cpu_percent: cpu_percent__.unwrap_or_default(),
                    memory_used_bytes: memory_used_bytes__.unwrap_or_default(),
                    memory_total_bytes: memory_total_bytes__.unwrap_or_default(),
                    disk_used_bytes: disk_used_bytes__.unwrap_or_default(),
                    disk_total_bytes: disk_total_bytes__.unwrap_or_default(),
                    load1: load1__.unwrap_or_default(),
                    load5: load5__.unwrap_or_default(),
                    load15: load15__.unwrap_or_default(),
                    uptime_seconds: uptime_seconds__.unwrap_or_default(),
                    sampled_at_ms: sampled_at_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Resources", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for RevokeTokenRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.RevokeTokenRequest", len)?;
        if true {
            struct_ser.serialize_field("id", &self.id)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for RevokeTokenRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = RevokeTokenRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.RevokeTokenRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<RevokeTokenRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(RevokeTokenRequest {
                    id: id__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.RevokeTokenRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for RevokeTokenResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.RevokeTokenResponse", len)?;
        if let Some(v) = self.info.as_ref() {
            struct_ser.serialize_field("info", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for RevokeTokenResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "info",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Info,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "info" => Ok(GeneratedField::Info),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = RevokeTokenResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.RevokeTokenResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<RevokeTokenResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut info__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Info => {
                            if info__.is_some() {
                                return Err(serde::de::Error::duplicate_field("info"));
                            }
                            info__ = map_.next_value()?;
                        }
                    }
                }
                Ok(RevokeTokenResponse {
                    info: info__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.RevokeTokenResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for RolloutBatch {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.RolloutBatch", len)?;
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        if true {
            struct_ser.serialize_field("state", &self.state)?;
        }
        if true {
            struct_ser.serialize_field("error", &self.error)?;
        }
        if true {
            struct_ser.serialize_field("offline", &self.offline)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for RolloutBatch {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "nodes",
            "state",
            "error",
            "offline",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Nodes,
            State,
            Error,
            Offline,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "nodes" => Ok(GeneratedField::Nodes),
                            "state" => Ok(GeneratedField::State),
                            "error" => Ok(GeneratedField::Error),
                            "offline" => Ok(GeneratedField::Offline),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = RolloutBatch;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.RolloutBatch")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<RolloutBatch, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut nodes__ = None;
                let mut state__ = None;
                let mut error__ = None;
                let mut offline__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Offline => {
                            if offline__.is_some() {
                                return Err(serde::de::Error::duplicate_field("offline"));
                            }
                            offline__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(RolloutBatch {
                    nodes: nodes__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    error: error__.unwrap_or_default(),
                    offline: offline__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.RolloutBatch", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for RolloutStatus {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.RolloutStatus", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("id", ToString::to_string(&self.id).as_str())?;
        }
        if true {
            struct_ser.serialize_field("kind", &self.kind)?;
        }
        if true {
            struct_ser.serialize_field("state", &self.state)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("fromVersion", ToString::to_string(&self.from_version).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("toVersion", ToString::to_string(&self.to_version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("batches", &self.batches)?;
        }
        if true {
            struct_ser.serialize_field("message", &self.message)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("startedAtMs", ToString::to_string(&self.started_at_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("finishedAtMs", ToString::to_string(&self.finished_at_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("rolledBackToVersion", ToString::to_string(&self.rolled_back_to_version).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for RolloutStatus {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "kind",
            "state",
            "from_version",
            "fromVersion",
            "to_version",
            "toVersion",
            "batches",
            "message",
            "started_at_ms",
            "startedAtMs",
            "finished_at_ms",
            "finishedAtMs",
            "rolled_back_to_version",
            "rolledBackToVersion",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            Kind,
            State,
            FromVersion,
            ToVersion,
            Batches,
            Message,
            StartedAtMs,
            FinishedAtMs,
            RolledBackToVersion,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "kind" => Ok(GeneratedField::Kind),
                            "state" => Ok(GeneratedField::State),
                            "fromVersion" | "from_version" => Ok(GeneratedField::FromVersion),
                            "toVersion" | "to_version" => Ok(GeneratedField::ToVersion),
                            "batches" => Ok(GeneratedField::Batches),
                            "message" => Ok(GeneratedField::Message),
                            "startedAtMs" | "started_at_ms" => Ok(GeneratedField::StartedAtMs),
                            "finishedAtMs" | "finished_at_ms" => Ok(GeneratedField::FinishedAtMs),
                            "rolledBackToVersion" | "rolled_back_to_version" => Ok(GeneratedField::RolledBackToVersion),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = RolloutStatus;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.RolloutStatus")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<RolloutStatus, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut kind__ = None;
                let mut state__ = None;
                let mut from_version__ = None;
                let mut to_version__ = None;
                let mut batches__ = None;
                let mut message__ = None;
                let mut started_at_ms__ = None;
                let mut finished_at_ms__ = None;
                let mut rolled_back_to_version__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Kind => {
                            if kind__.is_some() {
                                return Err(serde::de::Error::duplicate_field("kind"));
                            }
                            kind__ = Some(map_.next_value()?);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value()?);
                        }
                        GeneratedField::FromVersion => {
                            if from_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("fromVersion"));
                            }
                            from_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ToVersion => {
                            if to_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("toVersion"));
                            }
                            to_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Batches => {
                            if batches__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batches"));
                            }
                            batches__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                        GeneratedField::StartedAtMs => {
                            if started_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("startedAtMs"));
                            }
                            started_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::FinishedAtMs => {
                            if finished_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("finishedAtMs"));
                            }
                            finished_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::RolledBackToVersion => {
                            if rolled_back_to_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("rolledBackToVersion"));
                            }
                            rolled_back_to_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(RolloutStatus {
                    id: id__.unwrap_or_default(),
                    kind: kind__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    from_version: from_version__.unwrap_or_default(),
                    to_version: to_version__.unwrap_or_default(),
                    batches: batches__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                    started_at_ms: started_at_ms__.unwrap_or_default(),
                    finished_at_ms: finished_at_ms__.unwrap_or_default(),
                    rolled_back_to_version: rolled_back_to_version__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.RolloutStatus", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SetConfigRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.SetConfigRequest", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        if true {
            struct_ser.serialize_field("clearOverride", &self.clear_override)?;
        }
        if true {
            struct_ser.serialize_field("unset", &self.unset)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SetConfigRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "config",
            "clear_override",
            "clearOverride",
            "unset",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            Config,
            ClearOverride,
            Unset,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "config" => Ok(GeneratedField::Config),
                            "clearOverride" | "clear_override" => Ok(GeneratedField::ClearOverride),
                            "unset" => Ok(GeneratedField::Unset),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SetConfigRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.SetConfigRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SetConfigRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut config__ = None;
                let mut clear_override__ = None;
                let mut unset__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                        GeneratedField::ClearOverride => {
                            if clear_override__.is_some() {
                                return Err(serde::de::Error::duplicate_field("clearOverride"));
                            }
                            clear_override__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Unset => {
                            if unset__.is_some() {
                                return Err(serde::de::Error::duplicate_field("unset"));
                            }
                            unset__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(SetConfigRequest {
                    node: node__.unwrap_or_default(),
                    config: config__,
                    clear_override: clear_override__.unwrap_or_default(),
                    unset: unset__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.SetConfigRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SetConfigResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.SetConfigResponse", len)?;
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        if true {
            struct_ser.serialize_field("pushedTo", &self.pushed_to)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SetConfigResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "config",
            "pushed_to",
            "pushedTo",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Config,
            PushedTo,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "config" => Ok(GeneratedField::Config),
                            "pushedTo" | "pushed_to" => Ok(GeneratedField::PushedTo),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SetConfigResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.SetConfigResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SetConfigResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut config__ = None;
                let mut pushed_to__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                        GeneratedField::PushedTo => {
                            if pushed_to__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pushedTo"));
                            }
                            pushed_to__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(SetConfigResponse {
                    config: config__,
                    pushed_to: pushed_to__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.SetConfigResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SetLogLevelRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.SetLogLevelRequest", len)?;
        if true {
            struct_ser.serialize_field("filter", &self.filter)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SetLogLevelRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "filter",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Filter,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "filter" => Ok(GeneratedField::Filter),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SetLogLevelRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.SetLogLevelRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SetLogLevelRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut filter__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Filter => {
                            if filter__.is_some() {
                                return Err(serde::de::Error::duplicate_field("filter"));
                            }
                            filter__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(SetLogLevelRequest {
                    filter: filter__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.SetLogLevelRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for SetLogLevelResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.SetLogLevelResponse", len)?;
        if true {
            struct_ser.serialize_field("previous", &self.previous)?;
        }
        if true {
            struct_ser.serialize_field("current", &self.current)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for SetLogLevelResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "previous",
            "current",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Previous,
            Current,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "previous" => Ok(GeneratedField::Previous),
                            "current" => Ok(GeneratedField::Current),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = SetLogLevelResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.SetLogLevelResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<SetLogLevelResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut previous__ = None;
                let mut current__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Previous => {
                            if previous__.is_some() {
                                return Err(serde::de::Error::duplicate_field("previous"));
                            }
                            previous__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Current => {
                            if current__.is_some() {
                                return Err(serde::de::Error::duplicate_field("current"));
                            }
                            current__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(SetLogLevelResponse {
                    previous: previous__.unwrap_or_default(),
                    current: current__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.SetLogLevelResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for StartRolloutRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.StartRolloutRequest", len)?;
        if let Some(v) = self.config.as_ref() {
            struct_ser.serialize_field("config", v)?;
        }
        if true {
            struct_ser.serialize_field("rollback", &self.rollback)?;
        }
        if true {
            struct_ser.serialize_field("batchCount", &self.batch_count)?;
        }
        if true {
            struct_ser.serialize_field("batchPercent", &self.batch_percent)?;
        }
        if true {
            struct_ser.serialize_field("batchTimeoutMs", &self.batch_timeout_ms)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("toVersion", ToString::to_string(&self.to_version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("unset", &self.unset)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for StartRolloutRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "config",
            "rollback",
            "batch_count",
            "batchCount",
            "batch_percent",
            "batchPercent",
            "batch_timeout_ms",
            "batchTimeoutMs",
            "to_version",
            "toVersion",
            "unset",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Config,
            Rollback,
            BatchCount,
            BatchPercent,
            BatchTimeoutMs,
            ToVersion,
            Unset,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "config" => Ok(GeneratedField::Config),
                            "rollback" => Ok(GeneratedField::Rollback),
                            "batchCount" | "batch_count" => Ok(GeneratedField::BatchCount),
                            "batchPercent" | "batch_percent" => Ok(GeneratedField::BatchPercent),
                            "batchTimeoutMs" | "batch_timeout_ms" => Ok(GeneratedField::BatchTimeoutMs),
                            "toVersion" | "to_version" => Ok(GeneratedField::ToVersion),
                            "unset" => Ok(GeneratedField::Unset),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = StartRolloutRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.StartRolloutRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<StartRolloutRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut config__ = None;
                let mut rollback__ = None;
                let mut batch_count__ = None;
                let mut batch_percent__ = None;
                let mut batch_timeout_ms__ = None;
                let mut to_version__ = None;
                let mut unset__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Config => {
                            if config__.is_some() {
                                return Err(serde::de::Error::duplicate_field("config"));
                            }
                            config__ = map_.next_value()?;
                        }
                        GeneratedField::Rollback => {
                            if rollback__.is_some() {
                                return Err(serde::de::Error::duplicate_field("rollback"));
                            }
                            rollback__ = Some(map_.next_value()?);
                        }
                        GeneratedField::BatchCount => {
                            if batch_count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchCount"));
                            }
                            batch_count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::BatchPercent => {
                            if batch_percent__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchPercent"));
                            }
                            batch_percent__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::BatchTimeoutMs => {
                            if batch_timeout_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchTimeoutMs"));
                            }
                            batch_timeout_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ToVersion => {
                            if to_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("toVersion"));
                            }
                            to_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Unset => {
                            if unset__.is_some() {
                                return Err(serde::de::Error::duplicate_field("unset"));
                            }
                            unset__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(StartRolloutRequest {
                    config: config__,
                    rollback: rollback__.unwrap_or_default(),
                    batch_count: batch_count__.unwrap_or_default(),
                    batch_percent: batch_percent__.unwrap_or_default(),
                    batch_timeout_ms: batch_timeout_ms__.unwrap_or_default(),
                    to_version: to_version__.unwrap_or_default(),
                    unset: unset__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.StartRolloutRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for StatusAck {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.StatusAck", len)?;
        if true {
            let v = NodeState::try_from(self.state)
                .map_err(|_| serde::ser::Error::custom(format!("Invalid variant {}", self.state)))?;
            struct_ser.serialize_field("state", &v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for StatusAck {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "state",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            State,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "state" => Ok(GeneratedField::State),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = StatusAck;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.StatusAck")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<StatusAck, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut state__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value::<NodeState>()? as i32);
                        }
                    }
                }
                Ok(StatusAck {
                    state: state__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.StatusAck", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for StatusChange {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.StatusChange", len)?;
        if true {
            struct_ser.serialize_field("subject", &self.subject)?;
        }
        if true {
            struct_ser.serialize_field("ok", &self.ok)?;
        }
        if true {
            struct_ser.serialize_field("detail", &self.detail)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for StatusChange {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "subject",
            "ok",
            "detail",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Subject,
            Ok,
            Detail,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "subject" => Ok(GeneratedField::Subject),
                            "ok" => Ok(GeneratedField::Ok),
                            "detail" => Ok(GeneratedField::Detail),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = StatusChange;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.StatusChange")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<StatusChange, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut subject__ = None;
                let mut ok__ = None;
                let mut detail__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Subject => {
                            if subject__.is_some() {
                                return Err(serde::de::Error::duplicate_field("subject"));
                            }
                            subject__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Ok => {
                            if ok__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ok"));
                            }
                            ok__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Detail => {
                            if detail__.is_some() {
                                return Err(serde::de::Error::duplicate_field("detail"));
                            }
                            detail__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(StatusChange {
                    subject: subject__.unwrap_or_default(),
                    ok: ok__.unwrap_or_default(),
                    detail: detail__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.StatusChange", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for StatusReport {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.StatusReport", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("timeMs", ToString::to_string(&self.time_ms).as_str())?;
        }
        if let Some(v) = self.resources.as_ref() {
            struct_ser.serialize_field("resources", v)?;
        }
        if true {
            struct_ser.serialize_field("checks", &self.checks)?;
        }
        if true {
            struct_ser.serialize_field("full", &self.full)?;
        }
        if true {
            struct_ser.serialize_field("containers", &self.containers)?;
        }
        if true {
            struct_ser.serialize_field("podmanAvailable", &self.podman_available)?;
        }
        if true {
            struct_ser.serialize_field("podmanError", &self.podman_error)?;
        }
        if true {
            struct_ser.serialize_field("containersUnchanged", &self.containers_unchanged)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for StatusReport {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "time_ms",
            "timeMs",
            "resources",
            "checks",
            "full",
            "containers",
            "podman_available",
            "podmanAvailable",
            "podman_error",
            "podmanError",
            "containers_unchanged",
            "containersUnchanged",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            TimeMs,
            Resources,
            Checks,
            Full,
            Containers,
            PodmanAvailable,
            PodmanError,
            ContainersUnchanged,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "timeMs" | "time_ms" => Ok(GeneratedField::TimeMs),
                            "resources" => Ok(GeneratedField::Resources),
                            "checks" => Ok(GeneratedField::Checks),
                            "full" => Ok(GeneratedField::Full),
                            "containers" => Ok(GeneratedField::Containers),
                            "podmanAvailable" | "podman_available" => Ok(GeneratedField::PodmanAvailable),
                            "podmanError" | "podman_error" => Ok(GeneratedField::PodmanError),
                            "containersUnchanged" | "containers_unchanged" => Ok(GeneratedField::ContainersUnchanged),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = StatusReport;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.StatusReport")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<StatusReport, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut time_ms__ = None;
                let mut resources__ = None;
                let mut checks__ = None;
                let mut full__ = None;
                let mut containers__ = None;
                let mut podman_available__ = None;
                let mut podman_error__ = None;
                let mut containers_unchanged__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::TimeMs => {
                            if time_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeMs"));
                            }
                            time_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Resources => {
                            if resources__.is_some() {
                                return Err(serde::de::Error::duplicate_field("resources"));
                            }
                            resources__ = map_.next_value()?;
                        }
                        GeneratedField::Checks => {
                            if checks__.is_some() {
                                return Err(serde::de::Error::duplicate_field("checks"));
                            }
                            checks__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Full => {
                            if full__.is_some() {
                                return Err(serde::de::Error::duplicate_field("full"));
                            }
                            full__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Containers => {
                            if containers__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containers"));
                            }
                            containers__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PodmanAvailable => {
                            if podman_available__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podmanAvailable"));
                            }
                            podman_available__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PodmanError => {
                            if podman_error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("podmanError"));
                            }
                            podman_error__ = Some(map_.next_value()?);
                        }
                        GeneratedField::ContainersUnchanged => {
                            if containers_unchanged__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containersUnchanged"));
                            }
                            containers_unchanged__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(StatusReport {
                    time_ms: time_ms__.unwrap_or_default(),
                    resources: resources__,
                    checks: checks__.unwrap_or_default(),
                    full: full__.unwrap_or_default(),
                    containers: containers__.unwrap_or_default(),
                    podman_available: podman_available__.unwrap_or_default(),
                    podman_error: podman_error__.unwrap_or_default(),
                    containers_unchanged: containers_unchanged__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.StatusReport", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for Terminate {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.Terminate", len)?;
        if true {
            struct_ser.serialize_field("reason", &self.reason)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for Terminate {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "reason",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Reason,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "reason" => Ok(GeneratedField::Reason),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = Terminate;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.Terminate")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<Terminate, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut reason__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(Terminate {
                    reason: reason__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.Terminate", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TokenInfo {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.TokenInfo", len)?;
        if true {
            struct_ser.serialize_field("id", &self.id)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("createdAtMs", ToString::to_string(&self.created_at_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("expiresAtMs", ToString::to_string(&self.expires_at_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("maxUses", &self.max_uses)?;
        }
        if true {
            struct_ser.serialize_field("used", &self.used)?;
        }
        if true {
            struct_ser.serialize_field("revoked", &self.revoked)?;
        }
        if true {
            struct_ser.serialize_field("labels", &self.labels)?;
        }
        if true {
            struct_ser.serialize_field("description", &self.description)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TokenInfo {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "id",
            "created_at_ms",
            "createdAtMs",
            "expires_at_ms",
            "expiresAtMs",
            "max_uses",
            "maxUses",
            "used",
            "revoked",
            "labels",
            "description",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Id,
            CreatedAtMs,
            ExpiresAtMs,
            MaxUses,
            Used,
            Revoked,
            Labels,
            Description,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "id" => Ok(GeneratedField::Id),
                            "createdAtMs" | "created_at_ms" => Ok(GeneratedField::CreatedAtMs),
                            "expiresAtMs" | "expires_at_ms" => Ok(GeneratedField::ExpiresAtMs),
                            "maxUses" | "max_uses" => Ok(GeneratedField::MaxUses),
                            "used" => Ok(GeneratedField::Used),
                            "revoked" => Ok(GeneratedField::Revoked),
                            "labels" => Ok(GeneratedField::Labels),
                            "description" => Ok(GeneratedField::Description),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TokenInfo;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.TokenInfo")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TokenInfo, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut id__ = None;
                let mut created_at_ms__ = None;
                let mut expires_at_ms__ = None;
                let mut max_uses__ = None;
                let mut used__ = None;
                let mut revoked__ = None;
                let mut labels__ = None;
                let mut description__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Id => {
                            if id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("id"));
                            }
                            id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::CreatedAtMs => {
                            if created_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("createdAtMs"));
                            }
                            created_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ExpiresAtMs => {
                            if expires_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("expiresAtMs"));
                            }
                            expires_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::MaxUses => {
                            if max_uses__.is_some() {
                                return Err(serde::de::Error::duplicate_field("maxUses"));
                            }
                            max_uses__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Used => {
                            if used__.is_some() {
                                return Err(serde::de::Error::duplicate_field("used"));
                            }
                            used__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Revoked => {
                            if revoked__.is_some() {
                                return Err(serde::de::Error::duplicate_field("revoked"));
                            }
                            revoked__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Labels => {
                            if labels__.is_some() {
                                return Err(serde::de::Error::duplicate_field("labels"));
                            }
                            labels__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Description => {
                            if description__.is_some() {
                                return Err(serde::de::Error::duplicate_field("description"));
                            }
                            description__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(TokenInfo {
                    id: id__.unwrap_or_default(),
                    created_at_ms: created_at_ms__.unwrap_or_default(),
                    expires_at_ms: expires_at_ms__.unwrap_or_default(),
                    max_uses: max_uses__.unwrap_or_default(),
                    used: used__.unwrap_or_default(),
                    revoked: revoked__.unwrap_or_default(),
                    labels: labels__.unwrap_or_default(),
                    description: description__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.TokenInfo", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TokenRecord {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.TokenRecord", len)?;
        if let Some(v) = self.info.as_ref() {
            struct_ser.serialize_field("info", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("secretSha256", pbjson::private::base64::encode(&self.secret_sha256).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TokenRecord {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "info",
            "secret_sha256",
            "secretSha256",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Info,
            SecretSha256,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "info" => Ok(GeneratedField::Info),
                            "secretSha256" | "secret_sha256" => Ok(GeneratedField::SecretSha256),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TokenRecord;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.TokenRecord")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TokenRecord, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut info__ = None;
                let mut secret_sha256__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Info => {
                            if info__.is_some() {
                                return Err(serde::de::Error::duplicate_field("info"));
                            }
                            info__ = map_.next_value()?;
                        }
                        GeneratedField::SecretSha256 => {
                            if secret_sha256__.is_some() {
                                return Err(serde::de::Error::duplicate_field("secretSha256"));
                            }
                            secret_sha256__ = 
                                Some(map_.next_value::<::pbjson::private::BytesDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(TokenRecord {
                    info: info__,
                    secret_sha256: secret_sha256__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.TokenRecord", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TopologyNode {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.TopologyNode", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("role", &self.role)?;
        }
        if true {
            struct_ser.serialize_field("region", &self.region)?;
        }
        if true {
            struct_ser.serialize_field("zone", &self.zone)?;
        }
        if true {
            struct_ser.serialize_field("labels", &self.labels)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TopologyNode {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "role",
            "region",
            "zone",
            "labels",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Role,
            Region,
            Zone,
            Labels,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "role" => Ok(GeneratedField::Role),
                            "region" => Ok(GeneratedField::Region),
                            "zone" => Ok(GeneratedField::Zone),
                            "labels" => Ok(GeneratedField::Labels),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TopologyNode;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.TopologyNode")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TopologyNode, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut role__ = None;
                let mut region__ = None;
                let mut zone__ = None;
                let mut labels__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Role => {
                            if role__.is_some() {
                                return Err(serde::de::Error::duplicate_field("role"));
                            }
                            role__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Region => {
                            if region__.is_some() {
                                return Err(serde::de::Error::duplicate_field("region"));
                            }
                            region__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Zone => {
                            if zone__.is_some() {
                                return Err(serde::de::Error::duplicate_field("zone"));
                            }
                            zone__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Labels => {
                            if labels__.is_some() {
                                return Err(serde::de::Error::duplicate_field("labels"));
                            }
                            labels__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                    }
                }
                Ok(TopologyNode {
                    name: name__.unwrap_or_default(),
                    role: role__.unwrap_or_default(),
                    region: region__.unwrap_or_default(),
                    zone: zone__.unwrap_or_default(),
                    labels: labels__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.TopologyNode", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TopologyRole {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.TopologyRole", len)?;
        if true {
            struct_ser.serialize_field("role", &self.role)?;
        }
        if true {
            struct_ser.serialize_field("heartbeatIntervalMs", &self.heartbeat_interval_ms)?;
        }
        if true {
            struct_ser.serialize_field("heartbeatTimeoutMs", &self.heartbeat_timeout_ms)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for TopologyRole {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "role",
            "heartbeat_interval_ms",
            "heartbeatIntervalMs",
            "heartbeat_timeout_ms",
            "heartbeatTimeoutMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Role,
            HeartbeatIntervalMs,
            HeartbeatTimeoutMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "role" => Ok(GeneratedField::Role),
                            "heartbeatIntervalMs" | "heartbeat_interval_ms" => Ok(GeneratedField::HeartbeatIntervalMs),
                            "heartbeatTimeoutMs" | "heartbeat_timeout_ms" => Ok(GeneratedField::HeartbeatTimeoutMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = TopologyRole;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.TopologyRole")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<TopologyRole, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut role__ = None;
                let mut heartbeat_interval_ms__ = None;
                let mut heartbeat_timeout_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Role => {
                            if role__.is_some() {
                                return Err(serde::de::Error::duplicate_field("role"));
                            }
                            role__ = Some(map_.next_value()?);
                        }
                        GeneratedField::HeartbeatIntervalMs => {
                            if heartbeat_interval_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("heartbeatIntervalMs"));
                            }
                            heartbeat_interval_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::HeartbeatTimeoutMs => {
                            if heartbeat_timeout_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("heartbeatTimeoutMs"));
                            }
                            heartbeat_timeout_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(TopologyRole {
                    role: role__.unwrap_or_default(),
                    heartbeat_interval_ms: heartbeat_interval_ms__.unwrap_or_default(),
                    heartbeat_timeout_ms: heartbeat_timeout_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.TopologyRole", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for TopologyType {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "TOPOLOGY_TYPE_UNSPECIFIED",
            Self::Embedded => "TOPOLOGY_TYPE_EMBEDDED",
            Self::Hybrid => "TOPOLOGY_TYPE_HYBRID",
            Self::MultiCluster => "TOPOLOGY_TYPE_MULTI_CLUSTER",
            Self::Distributed => "TOPOLOGY_TYPE_DISTRIBUTED",
        };
        serializer.serialize_str(variant)
    }
}
impl<'de> serde::Deserialize<'de> for TopologyType {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "TOPOLOGY_TYPE_UNSPECIFIED",
            "TOPOLOGY_TYPE_EMBEDDED",
            "TOPOLOGY_TYPE_HYBRID",
            "TOPOLOGY_TYPE_MULTI_CLUSTER",
            "TOPOLOGY_TYPE_DISTRIBUTED",
        ];

        struct GeneratedVisitor;

        impl serde::de::Visitor<'_> for GeneratedVisitor {
            type Value = TopologyType;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(formatter, "expected one of: {:?}", &FIELDS)
            }

            fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Signed(v), &self)
                    })
            }

            fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                i32::try_from(v)
                    .ok()
                    .and_then(|x| x.try_into().ok())
                    .ok_or_else(|| {
                        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(v), &self)
                    })
            }

            fn visit_str<E>(self, value: &str) -> std::result::Result<Self::Value, E>
            where
                E: serde::de::Error,
            {
                match value {
                    "TOPOLOGY_TYPE_UNSPECIFIED" => Ok(TopologyType::Unspecified),
                    "TOPOLOGY_TYPE_EMBEDDED" => Ok(TopologyType::Embedded),
                    "TOPOLOGY_TYPE_HYBRID" => Ok(TopologyType::Hybrid),
                    "TOPOLOGY_TYPE_MULTI_CLUSTER" => Ok(TopologyType::MultiCluster),
                    "TOPOLOGY_TYPE_DISTRIBUTED" => Ok(TopologyType::Distributed),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
    }
}
impl serde::Serialize for UndoWorkloadRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.UndoWorkloadRequest", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("batchSize", &self.batch_size)?;
        }
        if true {
            struct_ser.serialize_field("batchTimeoutMs", &self.batch_timeout_ms)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UndoWorkloadRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "batch_size",
            "batchSize",
            "batch_timeout_ms",
            "batchTimeoutMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            BatchSize,
            BatchTimeoutMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "batchSize" | "batch_size" => Ok(GeneratedField::BatchSize),
                            "batchTimeoutMs" | "batch_timeout_ms" => Ok(GeneratedField::BatchTimeoutMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UndoWorkloadRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.UndoWorkloadRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UndoWorkloadRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut batch_size__ = None;
                let mut batch_timeout_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::BatchSize => {
                            if batch_size__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchSize"));
                            }
                            batch_size__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::BatchTimeoutMs => {
                            if batch_timeout_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchTimeoutMs"));
                            }
                            batch_timeout_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(UndoWorkloadRequest {
                    name: name__.unwrap_or_default(),
                    batch_size: batch_size__.unwrap_or_default(),
                    batch_timeout_ms: batch_timeout_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.UndoWorkloadRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UpdateTopologyRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.UpdateTopologyRequest", len)?;
        if let Some(v) = self.topology.as_ref() {
            struct_ser.serialize_field("topology", v)?;
        }
        if true {
            struct_ser.serialize_field("dryRun", &self.dry_run)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UpdateTopologyRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "topology",
            "dry_run",
            "dryRun",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Topology,
            DryRun,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "topology" => Ok(GeneratedField::Topology),
                            "dryRun" | "dry_run" => Ok(GeneratedField::DryRun),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UpdateTopologyRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.UpdateTopologyRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UpdateTopologyRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut topology__ = None;
                let mut dry_run__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Topology => {
                            if topology__.is_some() {
                                return Err(serde::de::Error::duplicate_field("topology"));
                            }
                            topology__ = map_.next_value()?;
                        }
                        GeneratedField::DryRun => {
                            if dry_run__.is_some() {
                                return Err(serde::de::Error::duplicate_field("dryRun"));
                            }
                            dry_run__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(UpdateTopologyRequest {
                    topology: topology__,
                    dry_run: dry_run__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.UpdateTopologyRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for UpdateTopologyResponse {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.UpdateTopologyResponse", len)?;
        if let Some(v) = self.topology.as_ref() {
            struct_ser.serialize_field("topology", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("configVersion", ToString::to_string(&self.config_version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("affectedNodes", &self.affected_nodes)?;
        }
        if true {
            struct_ser.serialize_field("pushedTo", &self.pushed_to)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for UpdateTopologyResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "topology",
            "config_version",
            "configVersion",
            "affected_nodes",
            "affectedNodes",
            "pushed_to",
            "pushedTo",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Topology,
            ConfigVersion,
            AffectedNodes,
            PushedTo,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "topology" => Ok(GeneratedField::Topology),
                            "configVersion" | "config_version" => Ok(GeneratedField::ConfigVersion),
                            "affectedNodes" | "affected_nodes" => Ok(GeneratedField::AffectedNodes),
                            "pushedTo" | "pushed_to" => Ok(GeneratedField::PushedTo),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = UpdateTopologyResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.UpdateTopologyResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<UpdateTopologyResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut topology__ = None;
                let mut config_version__ = None;
                let mut affected_nodes__ = None;
                let mut pushed_to__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Topology => {
                            if topology__.is_some() {
                                return Err(serde::de::Error::duplicate_field("topology"));
                            }
                            topology__ = map_.next_value()?;
                        }
                        GeneratedField::ConfigVersion => {
                            if config_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("configVersion"));
                            }
                            config_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::AffectedNodes => {
                            if affected_nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("affectedNodes"));
                            }
                            affected_nodes__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PushedTo => {
                            if pushed_to__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pushedTo"));
                            }
                            pushed_to__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(UpdateTopologyResponse {
                    topology: topology__,
                    config_version: config_version__.unwrap_or_default(),
                    affected_nodes: affected_nodes__.unwrap_or_default(),
                    pushed_to: pushed_to__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.UpdateTopologyResponse", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WatchEventsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WatchEventsRequest", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            struct_ser.serialize_field("types", &self.types)?;
        }
        if true {
            struct_ser.serialize_field("recent", &self.recent)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WatchEventsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "types",
            "recent",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            Types,
            Recent,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "types" => Ok(GeneratedField::Types),
                            "recent" => Ok(GeneratedField::Recent),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WatchEventsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WatchEventsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WatchEventsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut types__ = None;
                let mut recent__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Types => {
                            if types__.is_some() {
                                return Err(serde::de::Error::duplicate_field("types"));
                            }
                            types__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Recent => {
                            if recent__.is_some() {
                                return Err(serde::de::Error::duplicate_field("recent"));
                            }
                            recent__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(WatchEventsRequest {
                    node: node__.unwrap_or_default(),
                    types: types__.unwrap_or_default(),
                    recent: recent__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WatchEventsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WatchNodesRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WatchNodesRequest", len)?;
        if true {
            struct_ser.serialize_field("initial", &self.initial)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WatchNodesRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "initial",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Initial,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "initial" => Ok(GeneratedField::Initial),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WatchNodesRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WatchNodesRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WatchNodesRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut initial__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Initial => {
                            if initial__.is_some() {
                                return Err(serde::de::Error::duplicate_field("initial"));
                            }
                            initial__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(WatchNodesRequest {
                    initial: initial__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WatchNodesRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadInfo {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadInfo", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("revision", ToString::to_string(&self.revision).as_str())?;
        }
        if true {
            struct_ser.serialize_field("desired", &self.desired)?;
        }
        if true {
            struct_ser.serialize_field("ready", &self.ready)?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        if let Some(v) = self.spec.as_ref() {
            struct_ser.serialize_field("spec", v)?;
        }
        if true {
            struct_ser.serialize_field("pendingReason", &self.pending_reason)?;
        }
        if let Some(v) = self.rollout.as_ref() {
            struct_ser.serialize_field("rollout", v)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadInfo {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "revision",
            "desired",
            "ready",
            "nodes",
            "spec",
            "pending_reason",
            "pendingReason",
            "rollout",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Revision,
            Desired,
            Ready,
            Nodes,
            Spec,
            PendingReason,
            Rollout,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "revision" => Ok(GeneratedField::Revision),
                            "desired" => Ok(GeneratedField::Desired),
                            "ready" => Ok(GeneratedField::Ready),
                            "nodes" => Ok(GeneratedField::Nodes),
                            "spec" => Ok(GeneratedField::Spec),
                            "pendingReason" | "pending_reason" => Ok(GeneratedField::PendingReason),
                            "rollout" => Ok(GeneratedField::Rollout),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadInfo;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadInfo")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadInfo, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut revision__ = None;
                let mut desired__ = None;
                let mut ready__ = None;
                let mut nodes__ = None;
                let mut spec__ = None;
                let mut pending_reason__ = None;
                let mut rollout__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Revision => {
                            if revision__.is_some() {
                                return Err(serde::de::Error::duplicate_field("revision"));
                            }
                            revision__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Desired => {
                            if desired__.is_some() {
                                return Err(serde::de::Error::duplicate_field("desired"));
                            }
                            desired__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Ready => {
                            if ready__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ready"));
                            }
                            ready__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Spec => {
                            if spec__.is_some() {
                                return Err(serde::de::Error::duplicate_field("spec"));
                            }
                            spec__ = map_.next_value()?;
                        }
                        GeneratedField::PendingReason => {
                            if pending_reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pendingReason"));
                            }
                            pending_reason__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Rollout => {
                            if rollout__.is_some() {
                                return Err(serde::de::Error::duplicate_field("rollout"));
                            }
                            rollout__ = map_.next_value()?;
                        }
                    }
                }
                Ok(WorkloadInfo {
                    name: name__.unwrap_or_default(),
                    revision: revision__.unwrap_or_default(),
                    desired: desired__.unwrap_or_default(),
                    ready: ready__.unwrap_or_default(),
                    nodes: nodes__.unwrap_or_default(),
                    spec: spec__,
                    pending_reason: pending_reason__.unwrap_or_default(),
                    rollout: rollout__,
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadInfo", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadLogsRequest {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadLogsRequest", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            struct_ser.serialize_field("workload", &self.workload)?;
        }
        if true {
            struct_ser.serialize_field("tail", &self.tail)?;
        }
        if true {
            struct_ser.serialize_field("follow", &self.follow)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadLogsRequest {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "workload",
            "tail",
            "follow",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            Workload,
            Tail,
            Follow,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "workload" => Ok(GeneratedField::Workload),
                            "tail" => Ok(GeneratedField::Tail),
                            "follow" => Ok(GeneratedField::Follow),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadLogsRequest;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadLogsRequest")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadLogsRequest, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut workload__ = None;
                let mut tail__ = None;
                let mut follow__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Workload => {
                            if workload__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workload"));
                            }
                            workload__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Tail => {
                            if tail__.is_some() {
                                return Err(serde::de::Error::duplicate_field("tail"));
                            }
                            tail__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Follow => {
                            if follow__.is_some() {
                                return Err(serde::de::Error::duplicate_field("follow"));
                            }
                            follow__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(WorkloadLogsRequest {
                    node: node__.unwrap_or_default(),
                    workload: workload__.unwrap_or_default(),
                    tail: tail__.unwrap_or_default(),
                    follow: follow__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadLogsRequest", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadNodeStatus {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadNodeStatus", len)?;
        if true {
            struct_ser.serialize_field("node", &self.node)?;
        }
        if true {
            struct_ser.serialize_field("state", &self.state)?;
        }
        if true {
            struct_ser.serialize_field("reason", &self.reason)?;
        }
        if true {
            struct_ser.serialize_field("restarts", &self.restarts)?;
        }
        if true {
            struct_ser.serialize_field("containerId", &self.container_id)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("revision", ToString::to_string(&self.revision).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadNodeStatus {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "node",
            "state",
            "reason",
            "restarts",
            "container_id",
            "containerId",
            "revision",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Node,
            State,
            Reason,
            Restarts,
            ContainerId,
            Revision,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "node" => Ok(GeneratedField::Node),
                            "state" => Ok(GeneratedField::State),
                            "reason" => Ok(GeneratedField::Reason),
                            "restarts" => Ok(GeneratedField::Restarts),
                            "containerId" | "container_id" => Ok(GeneratedField::ContainerId),
                            "revision" => Ok(GeneratedField::Revision),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadNodeStatus;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadNodeStatus")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadNodeStatus, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut node__ = None;
                let mut state__ = None;
                let mut reason__ = None;
                let mut restarts__ = None;
                let mut container_id__ = None;
                let mut revision__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Node => {
                            if node__.is_some() {
                                return Err(serde::de::Error::duplicate_field("node"));
                            }
                            node__ = Some(map_.next_value()?);
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Restarts => {
                            if restarts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("restarts"));
                            }
                            restarts__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ContainerId => {
                            if container_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containerId"));
                            }
                            container_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Revision => {
                            if revision__.is_some() {
                                return Err(serde::de::Error::duplicate_field("revision"));
                            }
                            revision__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(WorkloadNodeStatus {
                    node: node__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    reason: reason__.unwrap_or_default(),
                    restarts: restarts__.unwrap_or_default(),
                    container_id: container_id__.unwrap_or_default(),
                    revision: revision__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadNodeStatus", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadPlacement {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadPlacement", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("revision", ToString::to_string(&self.revision).as_str())?;
        }
        if true {
            struct_ser.serialize_field("change", &self.change)?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        if true {
            struct_ser.serialize_field("pendingReason", &self.pending_reason)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadPlacement {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "revision",
            "change",
            "nodes",
            "pending_reason",
            "pendingReason",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Revision,
            Change,
            Nodes,
            PendingReason,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "revision" => Ok(GeneratedField::Revision),
                            "change" => Ok(GeneratedField::Change),
                            "nodes" => Ok(GeneratedField::Nodes),
                            "pendingReason" | "pending_reason" => Ok(GeneratedField::PendingReason),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadPlacement;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadPlacement")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadPlacement, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut revision__ = None;
                let mut change__ = None;
                let mut nodes__ = None;
                let mut pending_reason__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Revision => {
                            if revision__.is_some() {
                                return Err(serde::de::Error::duplicate_field("revision"));
                            }
                            revision__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Change => {
                            if change__.is_some() {
                                return Err(serde::de::Error::duplicate_field("change"));
                            }
                            change__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                        GeneratedField::PendingReason => {
                            if pending_reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("pendingReason"));
                            }
                            pending_reason__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(WorkloadPlacement {
                    name: name__.unwrap_or_default(),
                    revision: revision__.unwrap_or_default(),
                    change: change__.unwrap_or_default(),
                    nodes: nodes__.unwrap_or_default(),
                    pending_reason: pending_reason__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadPlacement", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadRecord {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadRecord", len)?;
        if let Some(v) = self.spec.as_ref() {
            struct_ser.serialize_field("spec", v)?;
        }
        if true {
            struct_ser.serialize_field("history", &self.history)?;
        }
        if true {
            struct_ser.serialize_field("placed", &self.placed)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("updatedAtMs", ToString::to_string(&self.updated_at_ms).as_str())?;
        }
        if let Some(v) = self.rollout.as_ref() {
            struct_ser.serialize_field("rollout", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("lastRevision", ToString::to_string(&self.last_revision).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadRecord {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "spec",
            "history",
            "placed",
            "updated_at_ms",
            "updatedAtMs",
            "rollout",
            "last_revision",
            "lastRevision",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Spec,
            History,
            Placed,
            UpdatedAtMs,
            Rollout,
            LastRevision,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "spec" => Ok(GeneratedField::Spec),
                            "history" => Ok(GeneratedField::History),
                            "placed" => Ok(GeneratedField::Placed),
                            "updatedAtMs" | "updated_at_ms" => Ok(GeneratedField::UpdatedAtMs),
                            "rollout" => Ok(GeneratedField::Rollout),
                            "lastRevision" | "last_revision" => Ok(GeneratedField::LastRevision),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadRecord;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadRecord")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadRecord, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut spec__ = None;
                let mut history__ = None;
                let mut placed__ = None;
                let mut updated_at_ms__ = None;
                let mut rollout__ = None;
                let mut last_revision__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Spec => {
                            if spec__.is_some() {
                                return Err(serde::de::Error::duplicate_field("spec"));
                            }
                            spec__ = map_.next_value()?;
                        }
                        GeneratedField::History => {
                            if history__.is_some() {
                                return Err(serde::de::Error::duplicate_field("history"));
                            }
                            history__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Placed => {
                            if placed__.is_some() {
                                return Err(serde::de::Error::duplicate_field("placed"));
                            }
                            placed__ = Some(map_.next_value()?);
                        }
                        GeneratedField::UpdatedAtMs => {
                            if updated_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("updatedAtMs"));
                            }
                            updated_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Rollout => {
                            if rollout__.is_some() {
                                return Err(serde::de::Error::duplicate_field("rollout"));
                            }
                            rollout__ = map_.next_value()?;
                        }
                        GeneratedField::LastRevision => {
                            if last_revision__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastRevision"));
                            }
                            last_revision__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(WorkloadRecord {
                    spec: spec__,
                    history: history__.unwrap_or_default(),
                    placed: placed__.unwrap_or_default(),
                    updated_at_ms: updated_at_ms__.unwrap_or_default(),
                    rollout: rollout__,
                    last_revision: last_revision__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadRecord", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadReport {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadReport", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("setVersion", ToString::to_string(&self.set_version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("workloads", &self.workloads)?;
        }
        if true {
            struct_ser.serialize_field("full", &self.full)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadReport {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "set_version",
            "setVersion",
            "workloads",
            "full",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            SetVersion,
            Workloads,
            Full,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "setVersion" | "set_version" => Ok(GeneratedField::SetVersion),
                            "workloads" => Ok(GeneratedField::Workloads),
                            "full" => Ok(GeneratedField::Full),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadReport;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadReport")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadReport, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut set_version__ = None;
                let mut workloads__ = None;
                let mut full__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::SetVersion => {
                            if set_version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("setVersion"));
                            }
                            set_version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Workloads => {
                            if workloads__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloads"));
                            }
                            workloads__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Full => {
                            if full__.is_some() {
                                return Err(serde::de::Error::duplicate_field("full"));
                            }
                            full__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(WorkloadReport {
                    set_version: set_version__.unwrap_or_default(),
                    workloads: workloads__.unwrap_or_default(),
                    full: full__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadReport", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadRollout {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadRollout", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("fromRevision", ToString::to_string(&self.from_revision).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("toRevision", ToString::to_string(&self.to_revision).as_str())?;
        }
        if true {
            struct_ser.serialize_field("batchSize", &self.batch_size)?;
        }
        if true {
            struct_ser.serialize_field("timeoutMs", &self.timeout_ms)?;
        }
        if true {
            struct_ser.serialize_field("state", &self.state)?;
        }
        if true {
            struct_ser.serialize_field("done", &self.done)?;
        }
        if true {
            struct_ser.serialize_field("batch", &self.batch)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("batchStartedMs", ToString::to_string(&self.batch_started_ms).as_str())?;
        }
        if true {
            struct_ser.serialize_field("batches", &self.batches)?;
        }
        if true {
            struct_ser.serialize_field("message", &self.message)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("startedAtMs", ToString::to_string(&self.started_at_ms).as_str())?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("finishedAtMs", ToString::to_string(&self.finished_at_ms).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadRollout {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "from_revision",
            "fromRevision",
            "to_revision",
            "toRevision",
            "batch_size",
            "batchSize",
            "timeout_ms",
            "timeoutMs",
            "state",
            "done",
            "batch",
            "batch_started_ms",
            "batchStartedMs",
            "batches",
            "message",
            "started_at_ms",
            "startedAtMs",
            "finished_at_ms",
            "finishedAtMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            FromRevision,
            ToRevision,
            BatchSize,
            TimeoutMs,
            State,
            Done,
            Batch,
            BatchStartedMs,
            Batches,
            Message,
            StartedAtMs,
            FinishedAtMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "fromRevision" | "from_revision" => Ok(GeneratedField::FromRevision),
                            "toRevision" | "to_revision" => Ok(GeneratedField::ToRevision),
                            "batchSize" | "batch_size" => Ok(GeneratedField::BatchSize),
                            "timeoutMs" | "timeout_ms" => Ok(GeneratedField::TimeoutMs),
                            "state" => Ok(GeneratedField::State),
                            "done" => Ok(GeneratedField::Done),
                            "batch" => Ok(GeneratedField::Batch),
                            "batchStartedMs" | "batch_started_ms" => Ok(GeneratedField::BatchStartedMs),
                            "batches" => Ok(GeneratedField::Batches),
                            "message" => Ok(GeneratedField::Message),
                            "startedAtMs" | "started_at_ms" => Ok(GeneratedField::StartedAtMs),
                            "finishedAtMs" | "finished_at_ms" => Ok(GeneratedField::FinishedAtMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadRollout;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadRollout")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadRollout, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut from_revision__ = None;
                let mut to_revision__ = None;
                let mut batch_size__ = None;
                let mut timeout_ms__ = None;
                let mut state__ = None;
                let mut done__ = None;
                let mut batch__ = None;
                let mut batch_started_ms__ = None;
                let mut batches__ = None;
                let mut message__ = None;
                let mut started_at_ms__ = None;
                let mut finished_at_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::FromRevision => {
                            if from_revision__.is_some() {
                                return Err(serde::de::Error::duplicate_field("fromRevision"));
                            }
                            from_revision__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ToRevision => {
                            if to_revision__.is_some() {
                                return Err(serde::de::Error::duplicate_field("toRevision"));
                            }
                            to_revision__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::BatchSize => {
                            if batch_size__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchSize"));
                            }
                            batch_size__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::TimeoutMs => {
                            if timeout_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeoutMs"));
                            }
                            timeout_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Done => {
                            if done__.is_some() {
                                return Err(serde::de::Error::duplicate_field("done"));
                            }
                            done__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Batch => {
                            if batch__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batch"));
                            }
                            batch__ = Some(map_.next_value()?);
                        }
                        GeneratedField::BatchStartedMs => {
                            if batch_started_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batchStartedMs"));
                            }
                            batch_started_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Batches => {
                            if batches__.is_some() {
                                return Err(serde::de::Error::duplicate_field("batches"));
                            }
                            batches__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Message => {
                            if message__.is_some() {
                                return Err(serde::de::Error::duplicate_field("message"));
                            }
                            message__ = Some(map_.next_value()?);
                        }
                        GeneratedField::StartedAtMs => {
                            if started_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("startedAtMs"));
                            }
                            started_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::FinishedAtMs => {
                            if finished_at_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("finishedAtMs"));
                            }
                            finished_at_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(WorkloadRollout {
                    from_revision: from_revision__.unwrap_or_default(),
                    to_revision: to_revision__.unwrap_or_default(),
                    batch_size: batch_size__.unwrap_or_default(),
                    timeout_ms: timeout_ms__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    done: done__.unwrap_or_default(),
                    batch: batch__.unwrap_or_default(),
                    batch_started_ms: batch_started_ms__.unwrap_or_default(),
                    batches: batches__.unwrap_or_default(),
                    message: message__.unwrap_or_default(),
                    started_at_ms: started_at_ms__.unwrap_or_default(),
                    finished_at_ms: finished_at_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadRollout", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadSet {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadSet", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("version", ToString::to_string(&self.version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("workloads", &self.workloads)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadSet {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "version",
            "workloads",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Version,
            Workloads,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "version" => Ok(GeneratedField::Version),
                            "workloads" => Ok(GeneratedField::Workloads),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadSet;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadSet")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadSet, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut version__ = None;
                let mut workloads__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Workloads => {
                            if workloads__.is_some() {
                                return Err(serde::de::Error::duplicate_field("workloads"));
                            }
                            workloads__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(WorkloadSet {
                    version: version__.unwrap_or_default(),
                    workloads: workloads__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadSet", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadSetAck {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadSetAck", len)?;
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("version", ToString::to_string(&self.version).as_str())?;
        }
        if true {
            struct_ser.serialize_field("ok", &self.ok)?;
        }
        if true {
            struct_ser.serialize_field("error", &self.error)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadSetAck {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "version",
            "ok",
            "error",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Version,
            Ok,
            Error,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "version" => Ok(GeneratedField::Version),
                            "ok" => Ok(GeneratedField::Ok),
                            "error" => Ok(GeneratedField::Error),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadSetAck;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadSetAck")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadSetAck, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut version__ = None;
                let mut ok__ = None;
                let mut error__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Ok => {
                            if ok__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ok"));
                            }
                            ok__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Error => {
                            if error__.is_some() {
                                return Err(serde::de::Error::duplicate_field("error"));
                            }
                            error__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(WorkloadSetAck {
                    version: version__.unwrap_or_default(),
                    ok: ok__.unwrap_or_default(),
                    error: error__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadSetAck", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadSpec {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadSpec", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("image", &self.image)?;
        }
        if true {
            struct_ser.serialize_field("command", &self.command)?;
        }
        if true {
            struct_ser.serialize_field("env", &self.env)?;
        }
        if true {
            struct_ser.serialize_field("ports", &self.ports)?;
        }
        if true {
            struct_ser.serialize_field("restart", &self.restart)?;
        }
        if true {
            struct_ser.serialize_field("selector", &self.selector)?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        if true {
            struct_ser.serialize_field("count", &self.count)?;
        }
        if true {
            struct_ser.serialize_field("after", &self.after)?;
        }
        if let Some(v) = self.liveness.as_ref() {
            struct_ser.serialize_field("liveness", v)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memoryBytes", ToString::to_string(&self.memory_bytes).as_str())?;
        }
        if true {
            struct_ser.serialize_field("millicpus", &self.millicpus)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("revision", ToString::to_string(&self.revision).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadSpec {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "image",
            "command",
            "env",
            "ports",
            "restart",
            "selector",
            "nodes",
            "count",
            "after",
            "liveness",
            "memory_bytes",
            "memoryBytes",
            "millicpus",
            "revision",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Image,
            Command,
            Env,
            Ports,
            Restart,
            Selector,
            Nodes,
            Count,
            After,
            Liveness,
            MemoryBytes,
            Millicpus,
            Revision,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "image" => Ok(GeneratedField::Image),
                            "command" => Ok(GeneratedField::Command),
                            "env" => Ok(GeneratedField::Env),
                            "ports" => Ok(GeneratedField::Ports),
                            "restart" => Ok(GeneratedField::Restart),
                            "selector" => Ok(GeneratedField::Selector),
                            "nodes" => Ok(GeneratedField::Nodes),
                            "count" => Ok(GeneratedField::Count),
                            "after" => Ok(GeneratedField::After),
                            "liveness" => Ok(GeneratedField::Liveness),
                            "memoryBytes" | "memory_bytes" => Ok(GeneratedField::MemoryBytes),
                            "millicpus" => Ok(GeneratedField::Millicpus),
                            "revision" => Ok(GeneratedField::Revision),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadSpec;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadSpec")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadSpec, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut image__ = None;
                let mut command__ = None;
                let mut env__ = None;
                let mut ports__ = None;
                let mut restart__ = None;
                let mut selector__ = None;
                let mut nodes__ = None;
                let mut count__ = None;
                let mut after__ = None;
                let mut liveness__ = None;
                let mut memory_bytes__ = None;
                let mut millicpus__ = None;
                let mut revision__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Image => {
                            if image__.is_some() {
                                return Err(serde::de::Error::duplicate_field("image"));
                            }
                            image__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Command => {
                            if command__.is_some() {
                                return Err(serde::de::Error::duplicate_field("command"));
                            }
                            command__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Env => {
                            if env__.is_some() {
                                return Err(serde::de::Error::duplicate_field("env"));
                            }
                            env__ = Some(
                                map_.next_value::<std::collections::HashMap<_, _>>()?
                            );
                        }
                        GeneratedField::Ports => {
                            if ports__.is_some() {
                                return Err(serde::de::Error::duplicate_field("ports"));
                            }
                            ports__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Restart => {
                            if restart__.is_some() {
                                return Err(serde::de::Error::duplicate_field("restart"));
                            }
                            restart__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Selector => {
                            if selector__.is_some() {
                                return Err(serde::de::Error::duplicate_field("selector"));
                            }
                            selector__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Count => {
                            if count__.is_some() {
                                return Err(serde::de::Error::duplicate_field("count"));
                            }
                            count__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::After => {
                            if after__.is_some() {
                                return Err(serde::de::Error::duplicate_field("after"));
                            }
                            after__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Liveness => {
                            if liveness__.is_some() {
                                return Err(serde::de::Error::duplicate_field("liveness"));
                            }
                            liveness__ = map_.next_value()?;
                        }
                        GeneratedField::MemoryBytes => {
                            if memory_bytes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("memoryBytes"));
                            }
                            memory_bytes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Millicpus => {
                            if millicpus__.is_some() {
                                return Err(serde::de::Error::duplicate_field("millicpus"));
                            }
                            millicpus__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::Revision => {
                            if revision__.is_some() {
                                return Err(serde::de::Error::duplicate_field("revision"));
                            }
                            revision__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(WorkloadSpec {
                    name: name__.unwrap_or_default(),
                    image: image__.unwrap_or_default(),
                    command: command__.unwrap_or_default(),
                    env: env__.unwrap_or_default(),
                    ports: ports__.unwrap_or_default(),
                    restart: restart__.unwrap_or_default(),
                    selector: selector__.unwrap_or_default(),
                    nodes: nodes__.unwrap_or_default(),
                    count: count__.unwrap_or_default(),
                    after: after__.unwrap_or_default(),
                    liveness: liveness__,
                    memory_bytes: memory_bytes__.unwrap_or_default(),
                    millicpus: millicpus__.unwrap_or_default(),
                    revision: revision__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadSpec", FIELDS, GeneratedVisitor)
    }
}
impl serde::Serialize for WorkloadStatus {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        use serde::ser::SerializeStruct;
        let mut len = 0;
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        if true {
            len += 1;
        }
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.WorkloadStatus", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("revision", ToString::to_string(&self.revision).as_str())?;
        }
        if true {
            struct_ser.serialize_field("state", &self.state)?;
        }
        if true {
            struct_ser.serialize_field("reason", &self.reason)?;
        }
        if true {
            struct_ser.serialize_field("restarts", &self.restarts)?;
        }
        if true {
            struct_ser.serialize_field("containerId", &self.container_id)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("timeMs", ToString::to_string(&self.time_ms).as_str())?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for WorkloadStatus {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "revision",
            "state",
            "reason",
            "restarts",
            "container_id",
            "containerId",
            "time_ms",
            "timeMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Revision,
            State,
            Reason,
            Restarts,
            ContainerId,
            TimeMs,
        }
        impl<'de> serde::Deserialize<'de> for GeneratedField {
            fn deserialize<D>(deserializer: D) -> std::result::Result<GeneratedField, D::Error>
            where
                D: serde::Deserializer<'de>,
            {
                struct GeneratedVisitor;

                impl serde::de::Visitor<'_> for GeneratedVisitor {
                    type Value = GeneratedField;

                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        write!(formatter, "expected one of: {:?}", &FIELDS)
                    }

                    #[allow(unused_variables)]
                    fn visit_str<E>(self, value: &str) -> std::result::Result<GeneratedField, E>
                    where
                        E: serde::de::Error,
                    {
                        match value {
                            "name" => Ok(GeneratedField::Name),
                            "revision" => Ok(GeneratedField::Revision),
                            "state" => Ok(GeneratedField::State),
                            "reason" => Ok(GeneratedField::Reason),
                            "restarts" => Ok(GeneratedField::Restarts),
                            "containerId" | "container_id" => Ok(GeneratedField::ContainerId),
                            "timeMs" | "time_ms" => Ok(GeneratedField::TimeMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = WorkloadStatus;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.WorkloadStatus")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<WorkloadStatus, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut revision__ = None;
                let mut state__ = None;
                let mut reason__ = None;
                let mut restarts__ = None;
                let mut container_id__ = None;
                let mut time_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Revision => {
                            if revision__.is_some() {
                                return Err(serde::de::Error::duplicate_field("revision"));
                            }
                            revision__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::State => {
                            if state__.is_some() {
                                return Err(serde::de::Error::duplicate_field("state"));
                            }
                            state__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Reason => {
                            if reason__.is_some() {
                                return Err(serde::de::Error::duplicate_field("reason"));
                            }
                            reason__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Restarts => {
                            if restarts__.is_some() {
                                return Err(serde::de::Error::duplicate_field("restarts"));
                            }
                            restarts__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::ContainerId => {
                            if container_id__.is_some() {
                                return Err(serde::de::Error::duplicate_field("containerId"));
                            }
                            container_id__ = Some(map_.next_value()?);
                        }
                        GeneratedField::TimeMs => {
                            if time_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("timeMs"));
                            }
                            time_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(WorkloadStatus {
                    name: name__.unwrap_or_default(),
                    revision: revision__.unwrap_or_default(),
                    state: state__.unwrap_or_default(),
                    reason: reason__.unwrap_or_default(),
                    restarts: restarts__.unwrap_or_default(),
                    container_id: container_id__.unwrap_or_default(),
                    time_ms: time_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.WorkloadStatus", FIELDS, GeneratedVisitor)
    }
}
