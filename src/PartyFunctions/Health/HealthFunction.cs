namespace PartyFunctions.Health;

/// <summary>
/// <c>GET /api/health</c>: 200 <c>ok</c> with the version when storage answers and no timer is late; 503 otherwise
/// (<c>unhealthy</c>, or <c>degraded</c> with the late timers' names), so that a plain availability test, which alerts
/// on any non-2xx answer, also catches a dead heartbeat checker (docs/operations.md, "Heartbeat").
/// </summary>
public sealed class HealthFunction(CheckHealth checkHealth)
{
    [Function("Health")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await checkHealth.RunAsync(cancellationToken);
        return new ObjectResult(report)
        {
            StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
