using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace PartyFunctions.Health;

/// <summary><c>GET /api/health</c>: 200 with the version when storage answers, 503 when it does not.</summary>
public sealed class HealthFunction(CheckHealth checkHealth)
{
    [Function("Health")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await checkHealth.RunAsync(cancellationToken);
        return new ObjectResult(report)
        {
            StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
