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
            struct_ser.serialize_field("version", &self.version)?;
        }
        if true {
            struct_ser.serialize_field("heartbeat_interval_ms", &self.heartbeat_interval_ms)?;
        }
        if true {
            struct_ser.serialize_field("status_interval_ms", &self.status_interval_ms)?;
        }
        if true {
            struct_ser.serialize_field("labels", &self.labels)?;
        }
        if true {
            struct_ser.serialize_field("podman_disabled", &self.podman_disabled)?;
        }
        if true {
            struct_ser.serialize_field("podman_socket", &self.podman_socket)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("min_memory_bytes", &self.min_memory_bytes)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("min_disk_bytes", &self.min_disk_bytes)?;
        }
        if true {
            struct_ser.serialize_field("buffer_flush_interval_ms", &self.buffer_flush_interval_ms)?;
        }
        if true {
            struct_ser.serialize_field("buffer_flush_entries", &self.buffer_flush_entries)?;
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
            struct_ser.serialize_field("dry_run", &self.dry_run)?;
        }
        if true {
            struct_ser.serialize_field("batch_size", &self.batch_size)?;
        }
        if true {
            struct_ser.serialize_field("batch_timeout_ms", &self.batch_timeout_ms)?;
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
            struct_ser.serialize_field("master_nodes", &self.master_nodes)?;
        }
        if true {
            struct_ser.serialize_field("sub_nodes", &self.sub_nodes)?;
        }
        if true {
            struct_ser.serialize_field("parent_cluster", &self.parent_cluster)?;
        }
        if true {
            struct_ser.serialize_field("config", &self.config)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("version", &self.version)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("updated_at_ms", &self.updated_at_ms)?;
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
            struct_ser.serialize_field("config_version", &self.config_version)?;
        }
        if true {
            struct_ser.serialize_field("released_nodes", &self.released_nodes)?;
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
            struct_ser.serialize_field("exit_code", &self.exit_code)?;
        }
        if true {
            struct_ser.serialize_field("restart_count", &self.restart_count)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("started_at_ms", &self.started_at_ms)?;
        }
        if true {
            struct_ser.serialize_field("cpu_percent", &self.cpu_percent)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memory_bytes", &self.memory_bytes)?;
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
            struct_ser.serialize_field("ttl_seconds", &self.ttl_seconds)?;
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
            struct_ser.serialize_field("seq", &self.seq)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("time_ms", &self.time_ms)?;
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
            struct_ser.serialize_field("ca_cert_hash", &self.ca_cert_hash)?;
        }
        if true {
            struct_ser.serialize_field("ca_certificate_pem", &self.ca_certificate_pem)?;
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
impl serde::Serialize for GetMastersResponse {
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
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.GetMastersResponse", len)?;
        if true {
            struct_ser.serialize_field("masters", &self.masters)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for GetMastersResponse {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "masters",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Masters,
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
                            "masters" => Ok(GeneratedField::Masters),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = GetMastersResponse;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.GetMastersResponse")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<GetMastersResponse, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut masters__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Masters => {
                            if masters__.is_some() {
                                return Err(serde::de::Error::duplicate_field("masters"));
                            }
                            masters__ = Some(map_.next_value()?);
                        }
                    }
                }
                Ok(GetMastersResponse {
                    masters: masters__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.GetMastersResponse", FIELDS, GeneratedVisitor)
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
            struct_ser.serialize_field("acked_version", &self.acked_version)?;
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
            struct_ser.serialize_field("period_ms", &self.period_ms)?;
        }
        if true {
            struct_ser.serialize_field("failure_threshold", &self.failure_threshold)?;
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
impl serde::Serialize for MasterInfo {
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
        let mut struct_ser = serializer.serialize_struct("piccolo.v1.MasterInfo", len)?;
        if true {
            struct_ser.serialize_field("name", &self.name)?;
        }
        if true {
            struct_ser.serialize_field("address", &self.address)?;
        }
        if true {
            struct_ser.serialize_field("leader", &self.leader)?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        if true {
            struct_ser.serialize_field("store_healthy", &self.store_healthy)?;
        }
        if true {
            struct_ser.serialize_field("version", &self.version)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("last_seen_ms", &self.last_seen_ms)?;
        }
        struct_ser.end()
    }
}
impl<'de> serde::Deserialize<'de> for MasterInfo {
    #[allow(deprecated)]
    fn deserialize<D>(deserializer: D) -> std::result::Result<Self, D::Error>
    where
        D: serde::Deserializer<'de>,
    {
        const FIELDS: &[&str] = &[
            "name",
            "address",
            "leader",
            "nodes",
            "store_healthy",
            "storeHealthy",
            "version",
            "last_seen_ms",
            "lastSeenMs",
        ];

        #[allow(clippy::enum_variant_names)]
        enum GeneratedField {
            Name,
            Address,
            Leader,
            Nodes,
            StoreHealthy,
            Version,
            LastSeenMs,
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
                            "address" => Ok(GeneratedField::Address),
                            "leader" => Ok(GeneratedField::Leader),
                            "nodes" => Ok(GeneratedField::Nodes),
                            "storeHealthy" | "store_healthy" => Ok(GeneratedField::StoreHealthy),
                            "version" => Ok(GeneratedField::Version),
                            "lastSeenMs" | "last_seen_ms" => Ok(GeneratedField::LastSeenMs),
                            _ => Err(serde::de::Error::unknown_field(value, FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(GeneratedVisitor)
            }
        }
        struct GeneratedVisitor;
        impl<'de> serde::de::Visitor<'de> for GeneratedVisitor {
            type Value = MasterInfo;

            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("struct piccolo.v1.MasterInfo")
            }

            fn visit_map<V>(self, mut map_: V) -> std::result::Result<MasterInfo, V::Error>
                where
                    V: serde::de::MapAccess<'de>,
            {
                let mut name__ = None;
                let mut address__ = None;
                let mut leader__ = None;
                let mut nodes__ = None;
                let mut store_healthy__ = None;
                let mut version__ = None;
                let mut last_seen_ms__ = None;
                while let Some(k) = map_.next_key()? {
                    match k {
                        GeneratedField::Name => {
                            if name__.is_some() {
                                return Err(serde::de::Error::duplicate_field("name"));
                            }
                            name__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Address => {
                            if address__.is_some() {
                                return Err(serde::de::Error::duplicate_field("address"));
                            }
                            address__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Leader => {
                            if leader__.is_some() {
                                return Err(serde::de::Error::duplicate_field("leader"));
                            }
                            leader__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Nodes => {
                            if nodes__.is_some() {
                                return Err(serde::de::Error::duplicate_field("nodes"));
                            }
                            nodes__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                        GeneratedField::StoreHealthy => {
                            if store_healthy__.is_some() {
                                return Err(serde::de::Error::duplicate_field("storeHealthy"));
                            }
                            store_healthy__ = Some(map_.next_value()?);
                        }
                        GeneratedField::Version => {
                            if version__.is_some() {
                                return Err(serde::de::Error::duplicate_field("version"));
                            }
                            version__ = Some(map_.next_value()?);
                        }
                        GeneratedField::LastSeenMs => {
                            if last_seen_ms__.is_some() {
                                return Err(serde::de::Error::duplicate_field("lastSeenMs"));
                            }
                            last_seen_ms__ = 
                                Some(map_.next_value::<::pbjson::private::NumberDeserialize<_>>()?.0)
                            ;
                        }
                    }
                }
                Ok(MasterInfo {
                    name: name__.unwrap_or_default(),
                    address: address__.unwrap_or_default(),
                    leader: leader__.unwrap_or_default(),
                    nodes: nodes__.unwrap_or_default(),
                    store_healthy: store_healthy__.unwrap_or_default(),
                    version: version__.unwrap_or_default(),
                    last_seen_ms: last_seen_ms__.unwrap_or_default(),
                })
            }
        }
        deserializer.deserialize_struct("piccolo.v1.MasterInfo", FIELDS, GeneratedVisitor)
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
            struct_ser.serialize_field("created_at_ms", &self.created_at_ms)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("last_heartbeat_ms", &self.last_heartbeat_ms)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("state_changed_at_ms", &self.state_changed_at_ms)?;
        }
        if true {
            struct_ser.serialize_field("connected", &self.connected)?;
        }
        if true {
            struct_ser.serialize_field("cert_serial", &self.cert_serial)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("cert_expires_at_ms", &self.cert_expires_at_ms)?;
        }
        if true {
            struct_ser.serialize_field("previous_cert_serial", &self.previous_cert_serial)?;
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
            struct_ser.serialize_field("podman_available", &self.podman_available)?;
        }
        if true {
            struct_ser.serialize_field("podman_error", &self.podman_error)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("config_desired_version", &self.config_desired_version)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("config_acked_version", &self.config_acked_version)?;
        }
        if true {
            struct_ser.serialize_field("config_error", &self.config_error)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("offline_since_ms", &self.offline_since_ms)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("offline_until_ms", &self.offline_until_ms)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("offline_dropped", &self.offline_dropped)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("replayed_through_seq", &self.replayed_through_seq)?;
        }
        if true {
            struct_ser.serialize_field("cluster_address", &self.cluster_address)?;
        }
        if true {
            struct_ser.serialize_field("enrol_key_sha256", &self.enrol_key_sha256)?;
        }
        if true {
            struct_ser.serialize_field("master", &self.master)?;
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
            "master",
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
            Master,
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
                            "master" => Ok(GeneratedField::Master),
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
                let mut master__ = None;
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
                        GeneratedField::Master => {
                            if master__.is_some() {
                                return Err(serde::de::Error::duplicate_field("master"));
                            }
                            master__ = Some(map_.next_value()?);
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
                    master: master__.unwrap_or_default(),
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
            struct_ser.serialize_field("desired_version", &self.desired_version)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("acked_version", &self.acked_version)?;
        }
        if true {
            struct_ser.serialize_field("error", &self.error)?;
        }
        if true {
            struct_ser.serialize_field("connected", &self.connected)?;
        }
        if true {
            struct_ser.serialize_field("has_override", &self.has_override)?;
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
            struct_ser.serialize_field("podman_available", &self.podman_available)?;
        }
        if true {
            struct_ser.serialize_field("podman_error", &self.podman_error)?;
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
            struct_ser.serialize_field("cpu_count", &self.cpu_count)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memory_bytes", &self.memory_bytes)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("disk_bytes", &self.disk_bytes)?;
        }
        if true {
            struct_ser.serialize_field("agent_version", &self.agent_version)?;
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
impl serde::Serialize for NodeRole {
    #[allow(deprecated)]
    fn serialize<S>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error>
    where
        S: serde::Serializer,
    {
        let variant = match self {
            Self::Unspecified => "Unspecified",
            Self::Sub => "Sub",
            Self::Master => "Master",
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
            "Unspecified",
            "Sub",
            "Master",
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
                    "Unspecified" | "NODE_ROLE_UNSPECIFIED" => Ok(NodeRole::Unspecified),
                    "Sub" | "NODE_ROLE_SUB" => Ok(NodeRole::Sub),
                    "Master" | "NODE_ROLE_MASTER" => Ok(NodeRole::Master),
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
            Self::Unspecified => "Unspecified",
            Self::Pending => "Pending",
            Self::Initializing => "Initializing",
            Self::Ready => "Ready",
            Self::NotReady => "NotReady",
            Self::Maintenance => "Maintenance",
            Self::Terminating => "Terminating",
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
            "Unspecified",
            "Pending",
            "Initializing",
            "Ready",
            "NotReady",
            "Maintenance",
            "Terminating",
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
                    "Unspecified" | "NODE_STATE_UNSPECIFIED" => Ok(NodeState::Unspecified),
                    "Pending" | "NODE_STATE_PENDING" => Ok(NodeState::Pending),
                    "Initializing" | "NODE_STATE_INITIALIZING" => Ok(NodeState::Initializing),
                    "Ready" | "NODE_STATE_READY" => Ok(NodeState::Ready),
                    "NotReady" | "NODE_STATE_NOT_READY" => Ok(NodeState::NotReady),
                    "Maintenance" | "NODE_STATE_MAINTENANCE" => Ok(NodeState::Maintenance),
                    "Terminating" | "NODE_STATE_TERMINATING" => Ok(NodeState::Terminating),
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
            Self::Unspecified => "Unspecified",
            Self::Added => "Added",
            Self::Modified => "Modified",
            Self::Deleted => "Deleted",
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
            "Unspecified",
            "Added",
            "Modified",
            "Deleted",
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
                    "Unspecified" | "KIND_UNSPECIFIED" => Ok(node_watch_event::Kind::Unspecified),
                    "Added" | "KIND_ADDED" => Ok(node_watch_event::Kind::Added),
                    "Modified" | "KIND_MODIFIED" => Ok(node_watch_event::Kind::Modified),
                    "Deleted" | "KIND_DELETED" => Ok(node_watch_event::Kind::Deleted),
                    _ => Err(serde::de::Error::unknown_variant(value, FIELDS)),
                }
            }
        }
        deserializer.deserialize_any(GeneratedVisitor)
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
            struct_ser.serialize_field("cpu_percent", &self.cpu_percent)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memory_used_bytes", &self.memory_used_bytes)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("memory_total_bytes", &self.memory_total_bytes)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("disk_used_bytes", &self.disk_used_bytes)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("disk_total_bytes", &self.disk_total_bytes)?;
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
            struct_ser.serialize_field("uptime_seconds", &self.uptime_seconds)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("sampled_at_ms", &self.sampled_at_ms)?;
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
            struct_ser.serialize_field("pushed_to", &self.pushed_to)?;
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
            struct_ser.serialize_field("created_at_ms", &self.created_at_ms)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("expires_at_ms", &self.expires_at_ms)?;
        }
        if true {
            struct_ser.serialize_field("max_uses", &self.max_uses)?;
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
            struct_ser.serialize_field("heartbeat_interval_ms", &self.heartbeat_interval_ms)?;
        }
        if true {
            struct_ser.serialize_field("heartbeat_timeout_ms", &self.heartbeat_timeout_ms)?;
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
            Self::Unspecified => "unspecified",
            Self::Embedded => "embedded",
            Self::Hybrid => "hybrid",
            Self::MultiCluster => "multi-cluster",
            Self::Distributed => "distributed",
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
            "unspecified",
            "embedded",
            "hybrid",
            "multi-cluster",
            "distributed",
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
                    "unspecified" | "TOPOLOGY_TYPE_UNSPECIFIED" => Ok(TopologyType::Unspecified),
                    "embedded" | "TOPOLOGY_TYPE_EMBEDDED" => Ok(TopologyType::Embedded),
                    "hybrid" | "TOPOLOGY_TYPE_HYBRID" => Ok(TopologyType::Hybrid),
                    "multi-cluster" | "TOPOLOGY_TYPE_MULTI_CLUSTER" => Ok(TopologyType::MultiCluster),
                    "distributed" | "TOPOLOGY_TYPE_DISTRIBUTED" => Ok(TopologyType::Distributed),
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
            struct_ser.serialize_field("batch_size", &self.batch_size)?;
        }
        if true {
            struct_ser.serialize_field("batch_timeout_ms", &self.batch_timeout_ms)?;
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
            struct_ser.serialize_field("config_version", &self.config_version)?;
        }
        if true {
            struct_ser.serialize_field("affected_nodes", &self.affected_nodes)?;
        }
        if true {
            struct_ser.serialize_field("pushed_to", &self.pushed_to)?;
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
            struct_ser.serialize_field("revision", &self.revision)?;
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
            struct_ser.serialize_field("pending_reason", &self.pending_reason)?;
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
            struct_ser.serialize_field("container_id", &self.container_id)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("revision", &self.revision)?;
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
            struct_ser.serialize_field("revision", &self.revision)?;
        }
        if true {
            struct_ser.serialize_field("change", &self.change)?;
        }
        if true {
            struct_ser.serialize_field("nodes", &self.nodes)?;
        }
        if true {
            struct_ser.serialize_field("pending_reason", &self.pending_reason)?;
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
            struct_ser.serialize_field("from_revision", &self.from_revision)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("to_revision", &self.to_revision)?;
        }
        if true {
            struct_ser.serialize_field("batch_size", &self.batch_size)?;
        }
        if true {
            struct_ser.serialize_field("timeout_ms", &self.timeout_ms)?;
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
            struct_ser.serialize_field("batch_started_ms", &self.batch_started_ms)?;
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
            struct_ser.serialize_field("started_at_ms", &self.started_at_ms)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("finished_at_ms", &self.finished_at_ms)?;
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
            struct_ser.serialize_field("memory_bytes", &self.memory_bytes)?;
        }
        if true {
            struct_ser.serialize_field("millicpus", &self.millicpus)?;
        }
        if true {
            #[allow(clippy::needless_borrow)]
            #[allow(clippy::needless_borrows_for_generic_args)]
            struct_ser.serialize_field("revision", &self.revision)?;
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
