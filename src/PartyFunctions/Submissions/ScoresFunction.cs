namespace PartyFunctions.Submissions;

/// <summary>
/// The JSON API for integrations (docs/api.md): <c>POST /api/scores</c> submits or amends a month (201, or 200 for a
/// repeated receipt); <c>GET /api/scores/{unitId}/{period}</c> reads it with the cell's code (header
/// <c>X-Access-Code</c>) or a superior's signed link (<c>?link=</c>). Errors are RFC 9457 problem details.
/// </summary>
public sealed class ScoresFunction(SubmitScore submit, ReadScore read, ClientAddresses clients)
{
    [Function("SubmitScoreJson")]
    public async Task<ScoreResponse> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Scores)] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestReading.Language(request.Query["lang"]);
        var body = await RequestBody.ReadTextAsync(request, "application/json", cancellationToken);
        if (body.Text is null)
        {
            return new() { Result = Problems.Of(body.Status, new Policy.LocalizedText(body.Vi!, body.En!), language) };
        }

        var outcome = await submit.RunAsync(JsonSubmission.Parse(body.Text, clients.ClientHash(request)), cancellationToken);
        var status = Problems.StatusOf(outcome.Status);
        return outcome.Recorded is { } recorded
            ? new() { Result = new ObjectResult(ScoreView.Of(recorded.Score, recorded.Result)) { StatusCode = status }, Event = recorded.Event }
            : new() { Result = Problems.Of(status, outcome.Errors, language) };
    }

    [Function("GetScore")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Score)] HttpRequest request,
        string unitId, string period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = RequestReading.Language(request.Query["lang"]);
        var outcome = await read.RunAsync(unitId, period, request.AccessCode(), request.Link(), clients.ClientHash(request), cancellationToken);
        return outcome switch
        {
            { Score: { } score } => new OkObjectResult(ScoreView.Of(score, outcome.Result)),
            { Found: false } => Problems.Of(StatusCodes.Status404NotFound, outcome.Errors, language),
            _ => Problems.Of(Problems.StatusOf(outcome.Status), outcome.Errors, language),
        };
    }
}
