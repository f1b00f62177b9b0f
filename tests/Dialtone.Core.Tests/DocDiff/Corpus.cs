using Dialtone.Core.DocDiff;

namespace Dialtone.Core.Tests.DocDiff;

/// <summary>Real-looking design docs the structural diff is tested on, and a helper that diffs two versions.</summary>
public static class Corpus
{
    public const string ApiSpec = """
        # Payments API

        Version 3.2 of the REST API. All requests are authenticated
        with a bearer token.

        ## Webhook registration

        Clients register a webhook so the service can notify them about payment events.

        | Field | Type | Required | Description |
        |-------|------|----------|-------------|
        | webhook_url | string | yes | HTTPS URL the service posts events to |
        | secret | string | yes | Shared secret used to sign each delivery |
        | events | array | no | Event types to deliver; all events when omitted |
        | retry_limit | integer | no | Delivery attempts before the webhook is disabled |
        | description | string | no | Free text shown in the dashboard |

        ## Delivery

        Each delivery is a POST with a JSON body and an `X-Signature` header.
        Deliveries time out after 10 seconds.

        ### Retries

        Failed deliveries are retried with exponential backoff, at most `retry_limit` times.

        ## Errors

        | Code | Meaning |
        |------|---------|
        | 400 | The request body is invalid |
        | 401 | The bearer token is missing or expired |
        | 409 | A webhook with this URL already exists |

        """;

    public const string ServiceConfig = """
        service:
          name: payments
          webhooks:
            delivery:
              timeout_seconds: 10
              retry_limit: 5
              backoff: exponential
            signing:
              algorithm: hmac-sha256
              header: X-Signature
          limits:
            requests_per_minute: 600
            burst: 50
        regions:
          - eu-west-1
          - us-east-1

        """;

    public const string WebhookSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "WebhookRegistration",
          "type": "object",
          "required": ["webhook_url", "secret"],
          "properties": {
            "webhook_url": { "type": "string", "format": "uri", "description": "HTTPS URL the service posts events to" },
            "secret": { "type": "string", "minLength": 32, "description": "Shared secret used to sign each delivery" },
            "events": {
              "type": "array",
              "items": { "type": "string", "enum": ["payment.succeeded", "payment.failed", "refund.created"] }
            },
            "retry_limit": { "type": "integer", "minimum": 0, "maximum": 10, "description": "Delivery attempts before the webhook is disabled" }
          }
        }

        """;

    public const string OpenApi = """
        openapi: 3.0.3
        info:
          title: Payments API
          version: 3.2.0
        paths:
          /webhooks:
            post:
              operationId: registerWebhook
              summary: Register a webhook
              parameters:
                - name: Idempotency-Key
                  in: header
                  required: false
                  schema:
                    type: string
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/WebhookRegistration'
              responses:
                '201':
                  description: Created
          /webhooks/{id}:
            get:
              operationId: getWebhook
              summary: Fetch one webhook
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: OK
            delete:
              operationId: deleteWebhook
              summary: Remove a webhook
              responses:
                '204':
                  description: Deleted
        components:
          schemas:
            WebhookRegistration:
              type: object
              required: [webhook_url, secret]
              properties:
                webhook_url:
                  type: string
                  format: uri
                  description: HTTPS URL the service posts events to
                secret:
                  type: string
                  description: Shared secret used to sign each delivery
                events:
                  type: array
                  items:
                    type: string

        """;

    /// <summary>The [DIFF] sentences of the change from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static IReadOnlyList<string> Diff(string path, string? before, string? after) =>
        DocDiffer.Diff(path, before, after).Changes.Select(c => c.Text).ToList();

    /// <summary>Replaces one exact piece of a doc, failing loudly when the piece is not there (so a test cannot pass by accident).</summary>
    public static string Edit(this string doc, string from, string to)
    {
        Assert.Contains(from, doc, StringComparison.Ordinal);
        return doc.Replace(from, to, StringComparison.Ordinal);
    }
}
