use super::*;

const WEB: &str = r#"
[[workload]]
name = "web"
image = "localhost/busybox:latest"
command = ["/bin/httpd", "-f", "-p", "8080"]
env = { MODE = "prod" }
ports = ["8080:8080"]
restart = "always"
selector = "zone=a"
count = 2
after = ["db:healthy"]
[workload.liveness]
http = "http://127.0.0.1:8080/"
period = "5s"
failure_threshold = 3
[workload.resources]
memory = "64MiB"
cpus = 0.5

[[workload]]
name = "db"
image = "localhost/busybox:latest"
"#;

#[test]
fn the_issue_example_parses_and_validates() {
    let set = parse_file("web.toml", WEB).expect("parses");
    assert_eq!(set.len(), 2);
    let web = &set[0];
    assert_eq!(web.count, 2);
    assert_eq!(web.memory_bytes, 64 << 20);
    assert_eq!(web.millicpus, 500);
    assert_eq!(web.liveness.as_ref().map(|l| l.period_ms), Some(5000));
    assert_eq!(set[1].restart, "always");
    validate_set(&set.iter().collect::<Vec<_>>()).expect("valid");
}

#[test]
fn unknown_keys_name_line_and_column() {
    let text = "[[workload]]\nname = \"a\"\nimage = \"i\"\nimgae = \"x\"\n";
    let e = parse_file("f.toml", text).unwrap_err().to_string();
    assert!(e.contains("f.toml") && e.contains("line 4") && e.contains("column 1") && e.contains("imgae"), "{e}");
}

#[test]
fn bad_values_are_refused_with_the_reason() {
    let one = |extra: &str| {
        let text = format!("[[workload]]\nname = \"a\"\nimage = \"i\"\n{extra}\n");
        parse_file("f.toml", &text).and_then(|s| validate_set(&s.iter().collect::<Vec<_>>()))
    };
    assert!(one("").is_ok());
    for (extra, needle) in [
        ("[workload.resources]\nmemory = \"-5MiB\"", "not a size"),
        ("[workload.resources]\nmemory = \"5TiB\"", "unknown unit"),
        ("[workload.resources]\nmemory = \"2000GiB\"", "between 6MiB and 1TiB"),
        ("[workload.resources]\ncpus = -1.0", "above 0"),
        ("count = 0", "between 1 and 10000"),
        ("restart = \"sometimes\"", "must be one of"),
        ("ports = [\"80\"]", "HOST:CONTAINER"),
        ("after = [\"ghost:running\"]", "unknown workload \"ghost\""),
        ("after = [\"a:ready\"]", "condition must be one of"),
        ("[workload.liveness]\nhttp = \"x\"\ntcp = 8", "exactly one"),
    ] {
        let e = one(extra).unwrap_err().to_string();
        assert!(e.contains(needle), "{extra}: {e}");
    }
    let bad_name = "[[workload]]\nname = \"Web_1\"\nimage = \"i\"\n";
    let set = parse_file("f.toml", bad_name).expect("parses");
    assert!(validate_set(&set.iter().collect::<Vec<_>>()).unwrap_err().to_string().contains("invalid name"));
}

#[test]
fn cycles_are_named() {
    let text = "[[workload]]\nname = \"a\"\nimage = \"i\"\nafter = [\"b\"]\n\
                [[workload]]\nname = \"b\"\nimage = \"i\"\nafter = [\"c:healthy\"]\n\
                [[workload]]\nname = \"c\"\nimage = \"i\"\nafter = [\"a:running\"]\n";
    let set = parse_file("f.toml", text).expect("parses");
    let e = validate_set(&set.iter().collect::<Vec<_>>()).unwrap_err();
    assert_eq!(e, WorkloadError::Cycle("a -> b -> c -> a".into()));
}

#[test]
fn selectors_match_labels() {
    let labels: HashMap<String, String> = [("zone".to_string(), "a".to_string())].into();
    let yes = parse_selector("zone=a").expect("ok");
    let no = parse_selector("zone=b").expect("ok");
    let not_b = parse_selector("zone!=b,zone").expect("ok");
    assert!(selector_matches(&yes, &labels));
    assert!(!selector_matches(&no, &labels));
    assert!(selector_matches(&not_b, &labels));
    assert!(parse_selector("a=b, ,c").is_err());
}
