namespace Dialtone.Core.Tests.DocDiff;

/// <summary>The structural diff of Markdown specs: sections, tables keyed by their first cell, keyed list items.</summary>
public sealed class MarkdownDiffTests
{
    private const string Path = "api_spec.md";

    [Fact]
    public void RenamedField_IsOneRename_AsTheSeedSaysIt()
    {
        var after = Corpus.ApiSpec.Edit("| webhook_url | string |", "| callback_uri | string |");

        Assert.Equal(["Field 'webhook_url' renamed to 'callback_uri'."], Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void TwoRenamesInOneTable_ArePairedRowByRow()
    {
        var after = Corpus.ApiSpec
            .Edit("| webhook_url | string |", "| callback_uri | string |")
            .Edit("| retry_limit | integer |", "| max_attempts | integer |");

        Assert.Equal(
            ["Field 'webhook_url' renamed to 'callback_uri'.", "Field 'retry_limit' renamed to 'max_attempts'."],
            Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void AdjacentRenames_WithSwappedDescriptions_FollowTheContentNotTheOrder()
    {
        // Both renamed rows sit between the same neighbours; only their descriptions tell them apart.
        var after = Corpus.ApiSpec
            .Edit("| secret | string | yes | Shared secret used to sign each delivery |\n| events | array | no | Event types to deliver; all events when omitted |",
                  "| event_types | array | no | Event types to deliver; all events when omitted |\n| signing_secret | string | yes | Shared secret used to sign each delivery |");

        Assert.Equal(
            ["Field 'events' renamed to 'event_types'.", "Field 'secret' renamed to 'signing_secret'."],
            Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void RenameAndTypeChange_AreBothReported()
    {
        var after = Corpus.ApiSpec.Edit("| webhook_url | string | yes |", "| callback_uri | uri | yes |");

        Assert.Equal(
            ["Field 'webhook_url' renamed to 'callback_uri'.", "Field 'callback_uri' type changed from 'string' to 'uri'."],
            Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void ReorderedRowsAndSections_RaiseNothing()
    {
        var rows = Corpus.ApiSpec.Edit(
            "| webhook_url | string | yes | HTTPS URL the service posts events to |\n| secret | string | yes | Shared secret used to sign each delivery |",
            "| secret | string | yes | Shared secret used to sign each delivery |\n| webhook_url | string | yes | HTTPS URL the service posts events to |");
        var errors = rows[rows.IndexOf("## Errors", StringComparison.Ordinal)..];
        var reordered = rows.Replace(errors, "", StringComparison.Ordinal)
            .Edit("## Delivery", errors.TrimEnd() + "\n\n## Delivery");

        Assert.Empty(Corpus.Diff(Path, Corpus.ApiSpec, reordered));
    }

    [Fact]
    public void WhitespaceOnly_RaisesNothing()
    {
        var after = Corpus.ApiSpec
            .Edit("| Field | Type | Required | Description |\n|-------|------|----------|-------------|",
                  "|   Field   |  Type  | Required |   Description   |\n|:----------|:------:|----------|-----------------|")
            .Edit("| secret | string |", "|    secret     |   string   |")
            .Edit("Version 3.2 of the REST API. All requests are authenticated\nwith a bearer token.",
                  "Version 3.2 of the REST API.   All requests\nare authenticated with a bearer token.   ")
            .Edit("## Delivery\n", "## Delivery   \n\n\n");

        Assert.Empty(Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void RemovedAndAddedRows_AreNamed_WithTheirTypes()
    {
        var after = Corpus.ApiSpec
            .Edit("| description | string | no | Free text shown in the dashboard |\n", "")
            .Edit("| retry_limit | integer | no | Delivery attempts before the webhook is disabled |\n",
                  "| retry_limit | integer | no | Delivery attempts before the webhook is disabled |\n| idempotency_key | string | no | Makes a retried registration safe |\n");

        Assert.Equal(
            ["Field 'description' removed.", "Field 'idempotency_key' (string, optional) added."],
            Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void RequiredFlag_Changes_AreReported()
    {
        var after = Corpus.ApiSpec.Edit("| events | array | no |", "| events | array | yes |");

        Assert.Equal(["Field 'events' is now required."], Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void CellEdits_ShowTheWordsThatChanged()
    {
        var after = Corpus.ApiSpec.Edit("Delivery attempts before the webhook is disabled", "Delivery attempts before the webhook is paused for an hour");

        Assert.Equal(
            ["Field 'retry_limit' description changed from 'Delivery attempts before the webhook is disabled' to 'Delivery attempts before the webhook is paused for an hour'."],
            Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void RenamedSection_WithTheSameContent_IsARename()
    {
        var after = Corpus.ApiSpec.Edit("## Delivery\n", "## Event delivery\n");

        Assert.Equal(["Section 'Delivery' renamed to 'Event delivery'."], Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void Sections_AreRenamedAddedRemovedAndEdited()
    {
        var after = Corpus.ApiSpec
            .Edit("## Webhook registration\n", "## Webhook setup\n")
            .Edit("### Retries\n\nFailed deliveries are retried with exponential backoff, at most `retry_limit` times.\n", "")
            .Edit("Deliveries time out after 10 seconds.", "Deliveries time out after 30 seconds.")
            .Edit("## Errors", "## Rate limits\n\nAt most 600 requests per minute per client.\n\n## Errors");

        var changes = Corpus.Diff(Path, Corpus.ApiSpec, after);

        Assert.Equal(
            [
                "Section 'Webhook registration' renamed to 'Webhook setup'.",
                "Section 'Retries' removed in section 'Delivery'.",
                "Section 'Rate limits' added.",
                "Section 'Delivery' text changed: '…out after 10 seconds.' → '…out after 30 seconds.'.",
            ],
            changes);
    }

    [Fact]
    public void ErrorCodes_UseTheirColumnAsTheNoun()
    {
        var after = Corpus.ApiSpec.Edit("| 409 | A webhook with this URL already exists |", "| 422 | A webhook with this URL already exists |");

        Assert.Equal(["Code '409' renamed to '422'."], Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void UnrelatedRemovalAndAddition_AreNotARename()
    {
        var after = Corpus.ApiSpec.Edit(
            "| description | string | no | Free text shown in the dashboard |",
            "| metadata | object | no | Key-value pairs stored with the webhook |");

        Assert.Equal(
            ["Field 'description' removed.", "Field 'metadata' (object, optional) added."],
            Corpus.Diff(Path, Corpus.ApiSpec, after));
    }

    [Fact]
    public void KeyedListItems_AreFields()
    {
        const string before = """
            # Events

            - `payment.succeeded` (object, required): sent when a charge settles
            - `payment.failed` (object): sent when a charge is declined
            - `refund.created`: sent when a refund is issued
            - plain prose item that is not a field
            """;
        var after = before
            .Edit("`payment.failed` (object)", "`payment.declined` (object)")
            .Edit("`refund.created`: sent when a refund is issued", "`refund.created`: sent when a refund is requested");

        Assert.Equal(
            [
                "Field 'payment.failed' renamed to 'payment.declined'.",
                "Field 'refund.created' description changed from 'sent when a refund is issued' to 'sent when a refund is requested'.",
            ],
            Corpus.Diff("docs/events.md", before, after));
    }

    [Fact]
    public void AmbiguousNames_CarryTheirSection()
    {
        const string before = """
            ## Request
            | Field | Type |
            |---|---|
            | id | string |
            ## Response
            | Field | Type |
            |---|---|
            | id | string |
            """;
        var after = before.Edit("## Response\n| Field | Type |\n|---|---|\n| id | string |", "## Response\n| Field | Type |\n|---|---|\n| id | integer |");

        Assert.Equal(["Field 'id' type changed from 'string' to 'integer' in section 'Response'."], Corpus.Diff("spec.md", before, after));
    }

    [Fact]
    public void NewDoc_ListsWhatItAdds_AndADeletedDocWhatItRemoves()
    {
        var added = Corpus.Diff(Path, null, Corpus.ApiSpec);
        var removed = Corpus.Diff(Path, Corpus.ApiSpec, null);

        Assert.Equal(["Section 'Payments API' added."], added);
        Assert.Equal(["Section 'Payments API' removed."], removed);
    }
}
