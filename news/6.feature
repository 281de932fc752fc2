An OpenAPI 3.1 document served at @taskgroups-openapi, docs/api.md written from real calls, a schemathesis run in the test suite, and listing summaries carrying task-group metadata.
