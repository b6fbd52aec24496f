using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>A storage error response made up by the fault policy: the client turns it into its usual RequestFailedException.</summary>
internal sealed class FaultResponse(int status, string errorCode, string clientRequestId) : Response
{
    private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x-ms-error-code"] = errorCode,
        ["Content-Type"] = "application/xml",
    };

    public override int Status { get; } = status;
    // The transport sets IsError from the response classifier; this response never reaches the transport.
    public override bool IsError => true;
    public override string ReasonPhrase => Status == 503 ? "Server Busy" : "Internal Server Error";
    public override Stream? ContentStream { get; set; } = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{errorCode}</Code><Message>Injected by the fault tests.</Message></Error>"));
    public override string ClientRequestId { get; set; } = clientRequestId;

    // Like a buffered transport response: the content outlives the message, the client reads it to build its exception.
    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = headers.TryGetValue(name, out var value) ? [value] : null;
        return values is not null;
    }
}
