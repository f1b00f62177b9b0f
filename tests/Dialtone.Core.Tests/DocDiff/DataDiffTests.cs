using Dialtone.Core.DocDiff;

namespace Dialtone.Core.Tests.DocDiff;

/// <summary>The structural diff of YAML and JSON: keys by path, JSON Schema properties, OpenAPI paths, operations and parameters.</summary>
public sealed class DataDiffTests
{
    [Fact]
    public void NestedYaml_Rename_KeepsItsPath()
    {
        var after = Corpus.ServiceConfig.Edit("      retry_limit: 5", "      max_attempts: 5");

        Assert.Equal(["Field 'service.webhooks.delivery.retry_limit' renamed to 'max_attempts'."], Corpus.Diff("config/service.yaml", Corpus.ServiceConfig, after));
    }

    [Fact]
    public void NestedYaml_ReorderQuotingAndFlowStyle_RaiseNothing()
    {
        var after = Corpus.ServiceConfig
            .Edit("    signing:\n      algorithm: hmac-sha256\n      header: X-Signature\n", "    signing: { header: \"X-Signature\", algorithm: 'hmac-sha256' }\n")
            .Edit("  limits:\n    requests_per_minute: 600\n    burst: 50\n", "  limits:\n    burst: 50\n    requests_per_minute: 600\n")
            .Edit("  name: payments\n", "  name:   payments   # the service name\n");

        Assert.Empty(Corpus.Diff("config/service.yaml", Corpus.ServiceConfig, after));
    }

    [Fact]
    public void NestedYaml_ValuesTypesRemovalsAndAdditions()
    {
        var after = Corpus.ServiceConfig
            .Edit("timeout_seconds: 10", "timeout_seconds: \"10s\"")
            .Edit("      backoff: exponential\n", "      backoff: linear\n")
            .Edit("    burst: 50\n", "")
            .Edit("  - us-east-1\n", "  - us-east-1\n  - ap-south-1\n");

        Assert.Equal(
            [
                "Field 'service.limits.burst' removed.",
                "Field 'service.webhooks.delivery.timeout_seconds' type changed from 'integer' to 'string' ('10' → '10s').",
                "Value 'ap-south-1' added in 'regions'.",
                "Field 'service.webhooks.delivery.backoff' changed from 'exponential' to 'linear'.",
            ],
            Corpus.Diff("config/service.yaml", Corpus.ServiceConfig, after));
    }

    [Fact]
    public void JsonSchema_Rename_FollowsTheRequiredList()
    {
        var after = Corpus.WebhookSchema
            .Edit("\"required\": [\"webhook_url\", \"secret\"]", "\"required\": [\"callback_uri\", \"secret\"]")
            .Edit("\"webhook_url\": {", "\"callback_uri\": {");

        Assert.Equal(["Field 'webhook_url' renamed to 'callback_uri'."], Corpus.Diff("schemas/webhook.schema.json", Corpus.WebhookSchema, after));
    }

    [Fact]
    public void JsonSchema_RenamePlusTypeChange_AndRequiredChange()
    {
        var after = Corpus.WebhookSchema
            .Edit("\"retry_limit\": { \"type\": \"integer\"", "\"max_attempts\": { \"type\": \"string\"")
            .Edit("\"required\": [\"webhook_url\", \"secret\"]", "\"required\": [\"webhook_url\", \"secret\", \"events\"]");

        Assert.Equal(
            [
                "Field 'retry_limit' renamed to 'max_attempts'.",
                "Field 'events' is now required.",
                "Field 'max_attempts' type changed from 'integer' to 'string'.",
            ],
            Corpus.Diff("schemas/webhook.schema.json", Corpus.WebhookSchema, after));
    }

    [Fact]
    public void JsonSchema_ReformattedAndReordered_RaisesNothing()
    {
        const string reformatted = """
            {"properties":{"retry_limit":{"maximum":10,"minimum":0,"type":"integer","description":"Delivery attempts before the webhook is disabled"},
            "events":{"items":{"enum":["payment.succeeded","payment.failed","refund.created"],"type":"string"},"type":"array"},
            "secret":{"description":"Shared secret used to sign each delivery","minLength":32,"type":"string"},
            "webhook_url":{"description":"HTTPS URL the service posts events to","format":"uri","type":"string"}},
            "type":"object","title":"WebhookRegistration","required":["webhook_url","secret"],
            "$schema":"https://json-schema.org/draft/2020-12/schema"}
            """;

        Assert.Empty(Corpus.Diff("schemas/webhook.schema.json", Corpus.WebhookSchema, reformatted));
    }

    [Fact]
    public void JsonSchema_FormatAndKeywordChanges_AreAttributesOfTheField()
    {
        var after = Corpus.WebhookSchema
            .Edit("\"format\": \"uri\", ", "")
            .Edit("\"minLength\": 32", "\"minLength\": 64")
            .Edit("\"refund.created\"]", "\"refund.created\", \"refund.failed\"]");

        Assert.Equal(
            [
                "Field 'webhook_url' type changed from 'string (uri)' to 'string'.",
                "Value 'refund.failed' added in 'events.items.enum'.",
                "Field 'secret' minLength changed from '32' to '64'.",
            ],
            Corpus.Diff("schemas/webhook.schema.json", Corpus.WebhookSchema, after));
    }

    [Fact]
    public void OpenApi_SchemaPropertyRename_NamesTheSchema()
    {
        var after = Corpus.OpenApi
            .Edit("required: [webhook_url, secret]", "required: [callback_uri, secret]")
            .Edit("        webhook_url:\n", "        callback_uri:\n");

        Assert.Equal(["Field 'webhook_url' renamed to 'callback_uri' in schema 'WebhookRegistration'."], Corpus.Diff("openapi.yaml", Corpus.OpenApi, after));
    }

    [Fact]
    public void OpenApi_ParametersOperationsAndPaths()
    {
        var after = Corpus.OpenApi
            .Edit("          in: header\n          required: false", "          in: header\n          required: true")
            .Edit("    delete:\n      operationId: deleteWebhook\n      summary: Remove a webhook\n      responses:\n        '204':\n          description: Deleted\n", "")
            .Edit("      summary: Fetch one webhook", "      summary: Fetch one webhook by id");

        Assert.Equal(
            [
                "Operation 'DELETE /webhooks/{id}' removed.",
                "Parameter 'Idempotency-Key' is now required in POST /webhooks.",
                "Operation 'GET /webhooks/{id}' summary changed from 'Fetch one webhook' to 'Fetch one webhook by id'.",
            ],
            Corpus.Diff("openapi.yaml", Corpus.OpenApi, after));
    }

    [Fact]
    public void OpenApi_RenamedPathAndParameter()
    {
        var after = Corpus.OpenApi
            .Edit("  /webhooks/{id}:", "  /webhooks/{webhook_id}:")
            .Edit("        - name: id\n          in: path", "        - name: webhook_id\n          in: path");

        Assert.Equal(
            [
                "Path '/webhooks/{id}' renamed to '/webhooks/{webhook_id}'.",
                "Parameter 'id' renamed to 'webhook_id' in GET /webhooks/{webhook_id}.",
            ],
            Corpus.Diff("openapi.yaml", Corpus.OpenApi, after));
    }

    [Fact]
    public void OpenApi_ParameterTypeChange()
    {
        var after = Corpus.OpenApi.Edit("          in: path\n          required: true\n          schema:\n            type: string", "          in: path\n          required: true\n          schema:\n            type: integer");

        Assert.Equal(["Parameter 'id' type changed from 'string' to 'integer' in GET /webhooks/{id}."], Corpus.Diff("openapi.yaml", Corpus.OpenApi, after));
    }

    [Fact]
    public void Json_AddedAndRemovedKeys()
    {
        const string before = """{ "name": "payments", "port": 8080, "features": { "webhooks": true, "refunds": false } }""";
        const string after = """{ "name": "payments", "port": 8080, "features": { "webhooks": true, "disputes": true }, "owner": "team-pay" }""";

        Assert.Equal(
            ["Field 'features.refunds' removed.", "Field 'features.disputes' (boolean) added.", "Field 'owner' (string) added."],
            Corpus.Diff("service.spec.json", before, after));
    }

    [Fact]
    public void FormatsFollowTheExtension()
    {
        Assert.Equal(DocFormat.Markdown, DocDiffer.FormatOf("docs/API.MD"));
        Assert.Equal(DocFormat.Yaml, DocDiffer.FormatOf("openapi.yml"));
        Assert.Equal(DocFormat.Json, DocDiffer.FormatOf("a/b/spec.json"));
        Assert.Equal(DocFormat.Lines, DocDiffer.FormatOf("NOTES.txt"));
    }
}
