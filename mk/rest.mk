# REST API and web console (docs/API.md). Their tests are ordinary cargo
# integration tests, so `make test` (test-rust) already runs them; this target
# runs just them.

.PHONY: rest-test

rest-test: build
	$(CARGO) test -p piccolo-tests --test rest_api --test openapi --test api_doc --test console
